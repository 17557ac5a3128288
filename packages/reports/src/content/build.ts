import { AdminUnit, PlanTask, Reference, vietnamDateOf, Worker } from "@xkld/domain"
import { departureBreakdown, finance, funnel, outcomes, trainingCoverage } from "@xkld/projections"
import { formatDate, formatInstantVi, formatNumber, nfc } from "../text.ts"
import type { Cell, Column, ReportContent, Row, Scope, Section, Signer, Table } from "./model.ts"
import type { ProvinceData } from "./province-data.ts"
import { buildDepartmentReport, isAgencyReporter } from "./department.ts"
import { SEX_LABELS, STAGE_LABELS, TASK_STATUS } from "./labels.ts"
import { metOnTime, OBLIGATION_COLUMNS, obligationRows } from "./obligations.ts"
import { sourceName, supportBySource } from "./support.ts"
import { preparedShare, TRAINED_BEFORE_DEPARTURE } from "./training.ts"
import { contentVersionOf } from "./versions.ts"

/** What an officer adds to the figures: the document's number, date, signer, and the free-text section. */
export interface ReportOptions {
  readonly number?: string | null
  /** yyyy-mm-dd; the Vietnamese day of the as-of instant when absent. */
  readonly date?: string
  readonly signer?: Signer | null
  readonly difficulties?: string
  readonly proposals?: string
  /** The builder version to follow (content/versions.ts): an issued report's, or the current one when absent. */
  readonly contentVersion?: number
}

/**
 * "province", a unit's official code (a commune or ward of the year's plan, 5 digits), or a department's agency
 * code (`Reference.agencies`: "SYT", "STP"…; content/department.ts).
 */
export type Reporter = "province" | string

const collator = new Intl.Collator("vi")
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

export class UnknownReporter extends Error {
  readonly _tag = "UnknownReporter"
  readonly code: string
  constructor(code: string) {
    super(`Đơn vị mã ${code} không có trong kế hoạch năm của tỉnh.`)
    this.code = code
  }
}

const sortedEntries = (record: Record<string, number>, label: (key: string) => string) =>
  Object.entries(record)
    .map(([key, n]) => [label(key), n] as const)
    .toSorted((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))

/** Builds the report of one reporter from the province's data (read once for all its reporters). */
export function buildReport(data: ProvinceData, reporter: Reporter, options: ReportOptions = {}): ReportContent {
  const version = contentVersionOf(options.contentVersion)
  if (isAgencyReporter(reporter)) return buildDepartmentReport(data, reporter, options)
  const { attainment, period } = data
  const year = period.year
  const asOf = data.asOf.toISOString()
  const provinceBare = AdminUnit.bareName(data.provinceName)
  const item = reporter === "province" ? undefined : attainment.items.find((i) => i.unitCode === reporter)
  if (reporter !== "province" && !item) throw new UnknownReporter(reporter)
  if (data.rowsOf !== undefined && data.rowsOf !== reporter)
    throw new Error(`rows read for ${data.rowsOf} only: they cannot build the report of ${reporter}`)

  const inScope = (unitId: string) => item === undefined || data.homeUnit(unitId) === item.unitId
  // `through`: an earlier report's days as known now (its difference, ADR 0020): nothing dated after them
  const through = data.through
  const departures = data.departures.filter(
    (d) => inScope(d.unitId) && (through === undefined || d.departedOn <= through),
  )
  const workers = data.workers.filter((w) => inScope(w.unitId) && (through === undefined || w.registeredOn <= through))
  const unitIds = item ? [item.unitId, ...unitsMergedInto(data, item.unitId)] : []
  const scope: Scope = item ? { kind: "units", unitIds } : { kind: "province" }
  const lineage = (unitCode?: string) =>
    `/api/lineage?figure=departed&province=${data.provinceCode}&year=${year}${unitCode ? `&unit=${unitCode}` : ""}&asOf=${encodeURIComponent(asOf)}`

  let tableNo = 0
  const table = (
    id: string,
    title: string,
    columns: ReadonlyArray<Column>,
    rows: ReadonlyArray<Omit<Row, "ref" | "key">>,
    note?: string,
  ): Table => {
    tableNo += 1
    const no = tableNo
    return {
      id,
      title: nfc(`Bảng ${no}. ${title}`),
      columns: columns.map((c) => ({ ...c, label: nfc(c.label) })),
      rows: rows.map((r, i) => ({
        ...r,
        cells: r.cells.map((c) => (typeof c === "string" ? nfc(c) : c)),
        ref: `${no}.${String(i + 1).padStart(2, "0")}`,
        key: nfc(String(r.cells[0] ?? i + 1)),
      })),
      ...(note ? { note: nfc(note) } : {}),
    }
  }
  const simpleRows = (entries: ReadonlyArray<readonly [string, number]>, source: Scope = scope) =>
    entries.map(([label, n]) => ({ cells: [label, n], lineage: null, scope: source }))

  // I. Results against the plan
  const plan = attainment.plan
  const rows = item ? [item] : attainment.items
  const attainmentRows: Array<Omit<Row, "ref" | "key">> = rows.map((i) => ({
    cells: [i.unitName, i.target, i.departed, i.percent, i.remaining],
    lineage: lineage(i.unitCode),
    scope: { kind: "units", unitIds: [i.unitId, ...unitsMergedInto(data, i.unitId)] },
  }))
  const communesSum = attainment.items.reduce((s, i) => s + i.departed, 0)
  const notAttributable = attainment.notAttributable.reduce((s, u) => s + u.departed, 0)
  if (!item)
    attainmentRows.push({
      cells: [
        "Toàn tỉnh",
        plan?.target ?? null,
        attainment.total.departed,
        attainment.total.percent,
        attainment.total.remaining,
      ],
      lineage: lineage(),
      scope: { kind: "province" },
      total: true,
    })
  const numberColumns: ReadonlyArray<Column> = [
    { label: item ? "Đơn vị" : "Xã, phường", kind: "text", width: 34 },
    { label: "Chỉ tiêu (người)", kind: "count", width: 14, source: "plan" },
    { label: "Đã xuất cảnh (người)", kind: "count", width: 16, source: "departures" },
    { label: "Tỷ lệ đạt (%)", kind: "percent", width: 12, source: "departures" },
    { label: "Còn phải thực hiện", kind: "count", width: 14, source: "departures" },
  ]
  const training = trainingCoverage(departures, workers, period)
  const prepared = preparedShare(departures, period)
  const resultsParagraphs = [
    item
      ? `Tính đến ngày ${formatDate(vietnamDateOf(data.asOf))}, ${item.unitName} có ${formatNumber(item.departed)} người đi làm việc ở nước ngoài theo hợp đồng trong năm ${year}, đạt ${formatNumber(item.percent, "percent")} chỉ tiêu ${formatNumber(item.target)} người được giao.`
      : `Tính đến ngày ${formatDate(vietnamDateOf(data.asOf))}, toàn tỉnh có ${formatNumber(attainment.total.departed)} người đi làm việc ở nước ngoài theo hợp đồng trong năm ${year}${plan?.target ? `, đạt ${formatNumber(attainment.total.percent, "percent")} chỉ tiêu ${formatNumber(plan.target)} người` : ""}${plan ? ` theo ${plan.title}` : ""}.`,
    `Số liệu tổng hợp từ sổ sự kiện của hệ thống, ghi nhận đến ${formatInstantVi(asOf)} (giờ Việt Nam); mỗi dòng số liệu có mã tham chiếu (cột “Mã”) để tra cứu nguồn gốc tại Phụ lục.`,
    version >= 3
      ? `${TRAINED_BEFORE_DEPARTURE.labelVi} (${period.label}): ${formatNumber(prepared.percent, "percent")} (${formatNumber(prepared.prepared)}/${formatNumber(prepared.departed)} người).`
      : // versions 1–2: language and orientation only, not the target's definition (kept for issued reports)
        `Tỷ lệ người xuất cảnh ${period.label} đã được bồi dưỡng ngoại ngữ và định hướng trước khi đi: ${formatNumber(training.percent, "percent")} (${formatNumber(training.trainedBeforeDeparture)}/${formatNumber(training.departed)} người).`,
  ]
  if (!item && plan && plan.discrepancy !== null && plan.discrepancy !== 0)
    resultsParagraphs.push(
      `Kế hoạch giao chỉ tiêu toàn tỉnh ${formatNumber(plan.target)} người; tổng chỉ tiêu phân bổ cho các xã, phường là ${formatNumber(plan.allocatedTotal)} người (chênh lệch ${formatNumber(plan.discrepancy)} người). Báo cáo giữ nguyên cả hai số như văn bản đã ban hành.`,
    )
  if (!item)
    resultsParagraphs.push(
      `Số đơn vị chưa có người xuất cảnh: ${formatNumber(attainment.unitsWithNobody.length)}/${formatNumber(attainment.items.length)} xã, phường.`,
    )
  const resultsTables: Table[] = [
    table(
      "ket-qua",
      `Kết quả thực hiện chỉ tiêu năm ${year}`,
      numberColumns,
      attainmentRows,
      !item && plan && plan.discrepancy
        ? `Chỉ tiêu toàn tỉnh theo kế hoạch: ${formatNumber(plan.target)} người; tổng các dòng: ${formatNumber(plan.allocatedTotal)} người.`
        : undefined,
    ),
  ]
  const scoreboard = data.scoreboard
  if (!item && scoreboard === null)
    throw new Error("the province's report needs the target scoreboard: load the province's data with it")
  if (!item && scoreboard && scoreboard.items.length > 0)
    resultsTables.push(
      table(
        "chi-tieu",
        `Các chỉ tiêu của kế hoạch, đề án (tính đến ngày ${formatDate(scoreboard.through)})`,
        [
          { label: "Chỉ tiêu", kind: "text", width: 44 },
          { label: "Kế hoạch", kind: "count", width: 12, source: "plan" },
          { label: "Đơn vị tính", kind: "text", width: 10 },
          { label: "Kết quả", kind: "count", width: 12, source: "targets" },
          { label: "Đánh giá", kind: "text", width: 14 },
        ],
        scoreboard.items.map((t) => ({
          cells: [
            t.label,
            t.target.value,
            t.target.unit,
            t.measured.value,
            t.met === null ? "Chưa đánh giá" : t.met ? "Đạt" : "Chưa đạt",
          ],
          lineage: `/api/lineage?figure=${encodeURIComponent(t.id)}&province=${data.provinceCode}&year=${year}&asOf=${encodeURIComponent(asOf)}`,
          scope: { kind: "province" } as Scope,
        })),
        `Nguồn: ${scoreboard.plans.map((p) => p.title).join("; ")}.`,
      ),
    )
  if (!item)
    resultsTables.push(
      table(
        "tong-hop",
        "Tổng hợp từ báo cáo của các xã, phường",
        [
          { label: "Nội dung", kind: "text", width: 70 },
          { label: "Số người", kind: "count", width: 30, source: "departures" },
        ],
        [
          { cells: ["Tổng số của các xã, phường", communesSum], lineage: null, scope: { kind: "province" } },
          ...attainment.notAttributable.map((u) => ({
            cells: [`Không quy được về xã, phường hiện nay: ${u.unitName} (mã cũ ${u.unitCode})`, u.departed] as Cell[],
            lineage: null,
            scope: { kind: "units", unitIds: [u.unitId] } as Scope,
          })),
          {
            cells: ["Toàn tỉnh", attainment.total.departed],
            lineage: lineage(),
            scope: { kind: "province" },
            total: true,
          },
        ],
        notAttributable > 0
          ? "Người đăng ký tại xã cũ đã chia tách khi sắp xếp đơn vị hành chính năm 2025 không quy được về một xã, phường hiện nay: tính vào tổng của tỉnh, không tính vào xã, phường nào."
          : undefined,
      ),
    )

  // II. Departures by market, programme and group
  const breakdown = departureBreakdown(departures, period, () => undefined)
  const countCol = (label = "Số người"): Column => ({ label, kind: "count", width: 25, source: "departures" })
  const labelCol = (label: string): Column => ({ label, kind: "text", width: 75 })
  const byCountry = table(
    "thi-truong",
    `Người đi làm việc ở nước ngoài ${period.label} theo thị trường`,
    [labelCol("Nước, vùng lãnh thổ"), countCol()],
    [
      ...simpleRows(sortedEntries(breakdown.byCountry, (c) => Reference.marketByCode(c)?.nameVi ?? c)),
      { cells: ["Tổng số", breakdown.total], lineage: null, scope, total: true },
    ],
  )
  const byProgramme = table(
    "chuong-trinh",
    `Người đi làm việc ở nước ngoài ${period.label} theo chương trình`,
    [labelCol("Chương trình"), countCol()],
    [
      ...simpleRows(sortedEntries(breakdown.byProgramme, (p) => Reference.programmeByCode(p)?.nameVi ?? p)),
      { cells: ["Tổng số", breakdown.total], lineage: null, scope, total: true },
    ],
  )
  const byGroup = table(
    "doi-tuong",
    `Người đi làm việc ở nước ngoài ${period.label} theo giới tính, dân tộc và đối tượng ưu tiên`,
    [labelCol("Đối tượng"), countCol()],
    simpleRows([
      ...sortedEntries(breakdown.bySex, (s) => `Giới tính: ${SEX_LABELS[s] ?? s}`),
      [`Người dân tộc thiểu số`, breakdown.byEthnicMinority["yes"] ?? 0],
      ...sortedEntries(
        breakdown.byPriorityGroup,
        (g) =>
          `Đối tượng ưu tiên: ${
            Reference.priorityGroupByCode(
              (Worker.priorityGroupReferenceCode as Record<string, string | undefined>)[g] ?? g,
            )?.nameVi ?? g
          }`,
      ),
    ]),
  )

  // III. Funnel
  const f = funnel(workers, period)
  const funnelTable = table(
    "pheu",
    `Từ đăng ký đến xuất cảnh: người đăng ký ${period.label}`,
    [labelCol("Bước"), { label: "Số người", kind: "count", width: 25, source: "workers" }],
    simpleRows([
      ...f.stages.map((s) => [STAGE_LABELS[s.stage], s.count] as const),
      ["Dừng tham gia", f.withdrawn.total] as const,
    ]),
  )

  // IV. Outcomes
  const o = outcomes(workers)
  const outcomeTable = table(
    "sau-xuat-canh",
    "Tình hình người lao động sau xuất cảnh (lũy kế đến thời điểm báo cáo)",
    [labelCol("Nội dung"), { label: "Số người", kind: "count", width: 25, source: "workers" }],
    simpleRows([
      ["Đang làm việc ở nước ngoài", o.abroadNow],
      ["Về nước đúng hạn hợp đồng", o.returnedOnTime],
      ["Về nước trước hạn", o.returnedEarly],
      ["Chấm dứt hợp đồng trước hạn", o.contractEndedEarly],
      ["Ở lại trái phép sau khi hết hợp đồng", o.overstayed],
      ["Có việc làm sau khi về nước", o.reemployed],
      ["Vi phạm được ghi nhận", o.violations],
      // WorkerDeathOrMissingReported (ADR 0023): the latest report in effect; a missing worker who returned is not
      ...(version >= 2
        ? ([
            ["Tử vong ở nước ngoài", workers.filter((w) => w.deathOrMissing === "deceased").length],
            ["Mất tích ở nước ngoài", workers.filter((w) => w.deathOrMissing === "missing").length],
          ] as const)
        : []),
    ]),
    version >= 2
      ? "Tử vong, mất tích: theo thông báo được ghi nhận trong hệ thống đến thời điểm báo cáo (người mất tích đã trở về không tính)."
      : "Tử vong, mất tích: hệ thống chưa ghi nhận loại sự kiện này; số liệu do đơn vị bổ sung tại mục khó khăn, vướng mắc nếu có.",
  )

  // V. Finance
  const fin = finance(workers)
  const programmes = [...new Set([...Object.keys(fin.loans.byProgramme), ...Object.keys(fin.subsidies.byProgramme)])]
  const financeTable = table(
    "von-vay",
    "Vay vốn và hỗ trợ theo chương trình (lũy kế)",
    [
      { label: "Chương trình", kind: "text", width: 36 },
      { label: "Số người vay", kind: "count", width: 14, source: "workers" },
      { label: "Số tiền vay (đồng)", kind: "amount", width: 18, source: "workers" },
      { label: "Số người được hỗ trợ", kind: "count", width: 14, source: "workers" },
      { label: "Số tiền hỗ trợ (đồng)", kind: "amount", width: 18, source: "workers" },
    ],
    [
      ...programmes
        .map((p) => [Reference.programmeByCode(p)?.nameVi ?? p, p] as const)
        .toSorted((a, b) => collator.compare(a[0], b[0]))
        .map(([name, p]) => ({
          cells: [
            name,
            fin.loans.byProgramme[p]?.count ?? 0,
            fin.loans.byProgramme[p]?.amount ?? 0,
            fin.subsidies.byProgramme[p]?.count ?? 0,
            fin.subsidies.byProgramme[p]?.amount ?? 0,
          ],
          lineage: null,
          scope,
        })),
      {
        cells: ["Tổng số", fin.loans.count, fin.loans.amount, fin.subsidies.count, fin.subsidies.amount],
        lineage: null,
        scope,
        total: true,
      },
    ],
    version >= 4
      ? "Theo nguồn vốn (ngân hàng cho vay, nguồn kinh phí hỗ trợ): bảng tiếp theo."
      : "Nguồn vốn: Ngân hàng Chính sách xã hội và ngân sách địa phương theo từng chương trình; hệ thống chưa tách số liệu theo nguồn vốn.",
  )
  // version 4: by programme and funding source (content/support.ts, workers read model v5)
  const programmeName = (p: string | null) =>
    p === null ? "Chưa có hợp đồng" : (Reference.programmeByCode(p)?.nameVi ?? p)
  const KIND_LABEL = { loan: "Vay vốn", subsidy: "Hỗ trợ" } as const
  const supportLines = supportBySource(workers)
    .map((l) => ({ ...l, programmeLabel: programmeName(l.programme), sourceLabel: sourceName(l) }))
    .toSorted(
      (a, b) =>
        collator.compare(a.programmeLabel, b.programmeLabel) ||
        (a.kind === b.kind ? 0 : a.kind === "loan" ? -1 : 1) ||
        (a.source === null ? 1 : 0) - (b.source === null ? 1 : 0) ||
        collator.compare(a.sourceLabel, b.sourceLabel),
    )
  const bySourceTable =
    version >= 4
      ? table(
          "nguon-von",
          "Vay vốn và hỗ trợ theo chương trình và nguồn vốn (lũy kế)",
          [
            { label: "Chương trình — hình thức: nguồn vốn", kind: "text", width: 58 },
            { label: "Số lượt người", kind: "count", width: 16, source: "workers" },
            { label: "Số tiền (đồng)", kind: "amount", width: 26, source: "workers" },
          ],
          [
            ...supportLines.map((l) => ({
              cells: [`${l.programmeLabel} — ${KIND_LABEL[l.kind]}: ${l.sourceLabel}`, l.workers, l.amount] as Cell[],
              lineage: null,
              scope,
            })),
            {
              cells: [
                "Tổng số",
                supportLines.reduce((n, l) => n + l.workers, 0),
                supportLines.reduce((n, l) => n + l.amount, 0),
              ],
              lineage: null,
              scope,
              total: true,
            },
          ],
          "Nguồn của khoản vay: ngân hàng cho vay ghi trong hồ sơ vay; nguồn của khoản hỗ trợ: nguồn kinh phí ghi khi thẩm định hỗ trợ. Khoản hỗ trợ ghi nhận trực tiếp (không qua thẩm định) không có nguồn kinh phí trong hệ thống và được ghi riêng. Một người có thể có nhiều khoản.",
        )
      : null

  // VI. Tasks and reporting obligations
  const on = through ?? vietnamDateOf(data.asOf)
  const unitCodes = item ? new Set(AdminUnit.unitOn(data.catalogue, item.unitCode, period.to).map((u) => u.code)) : null
  const tasks = item ? data.tasks.filter((t) => t.lead.agencyCodes.includes("UBND-XA")) : data.tasks
  const taskTable = table(
    "nhiem-vu",
    "Nhiệm vụ của kế hoạch và tiến độ so với thời hạn",
    [
      { label: "Nhiệm vụ", kind: "text", width: 50 },
      { label: "Thời hạn", kind: "text", width: 16 },
      { label: "Tình trạng", kind: "text", width: 22 },
      { label: "Tiến độ (%)", kind: "percent", width: 12, source: "tasks" },
    ],
    tasks
      .toSorted((a, b) => a.group.localeCompare(b.group) || a.number - b.number)
      .map((t) => ({
        cells: [
          `${t.group}.${t.number}. ${t.content}`,
          t.dueDate ? formatDate(t.dueDate) : t.timeFrame.label,
          TASK_STATUS[PlanTask.taskStatus(t, on)],
          t.completedOn !== null && t.completedOn <= on ? 100 : (t.progress.at(-1)?.percentComplete ?? null),
        ],
        lineage: null,
        scope,
      })),
  )
  const obligations = data.obligations.filter((ob) =>
    item
      ? ob.reporter.code === "UBND-XA" ||
        (ob.reporter.kind === "unit" && ob.reporter.code !== null && unitCodes!.has(ob.reporter.code))
      : true,
  )
  const obligationTable = table(
    "che-do-bao-cao",
    "Thực hiện chế độ báo cáo",
    OBLIGATION_COLUMNS,
    obligationRows(obligations, on, scope),
  )
  const onTime = metOnTime(obligations, on)

  const sections: Section[] = [
    { heading: "KẾT QUẢ THỰC HIỆN CHỈ TIÊU", paragraphs: resultsParagraphs, tables: resultsTables },
    {
      heading: "NGƯỜI ĐI LÀM VIỆC Ở NƯỚC NGOÀI THEO THỊ TRƯỜNG, CHƯƠNG TRÌNH VÀ ĐỐI TƯỢNG",
      paragraphs: [
        `${period.label[0]!.toUpperCase()}${period.label.slice(1)} có ${formatNumber(breakdown.total)} người xuất cảnh.`,
      ],
      tables: [byCountry, byProgramme, byGroup],
    },
    {
      heading: "TƯ VẤN, ĐÀO TẠO VÀ CHUẨN BỊ NGUỒN LAO ĐỘNG",
      paragraphs: [
        `Trong ${period.label} có ${formatNumber(f.stages[0]!.count)} người đăng ký; ${formatNumber(f.stages.at(-1)!.count)} người trong số đó đã xuất cảnh.`,
      ],
      tables: [funnelTable],
    },
    { heading: "NGƯỜI LAO ĐỘNG SAU XUẤT CẢNH VÀ VỀ NƯỚC", paragraphs: [], tables: [outcomeTable] },
    {
      heading: "VAY VỐN VÀ HỖ TRỢ",
      paragraphs: [],
      tables: bySourceTable ? [financeTable, bySourceTable] : [financeTable],
    },
    {
      heading: "THỰC HIỆN NHIỆM VỤ VÀ CHẾ ĐỘ BÁO CÁO",
      paragraphs: [`Nộp đúng hạn ${formatNumber(onTime)}/${formatNumber(obligations.length)} báo cáo theo quy định.`],
      tables: [taskTable, obligationTable],
    },
    {
      heading: "KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
      paragraphs: [
        `1. Khó khăn, vướng mắc: ${options.difficulties?.trim() || "(đơn vị bổ sung khi ban hành báo cáo)"}`,
        `2. Đề xuất, kiến nghị: ${options.proposals?.trim() || "(đơn vị bổ sung khi ban hành báo cáo)"}`,
      ],
      tables: [],
    },
  ].map((s, i) => ({
    heading: nfc(`${ROMAN[i]}. ${s.heading}`),
    paragraphs: s.paragraphs.map(nfc),
    tables: s.tables,
  }))

  const unitName = item?.unitName ?? data.provinceName
  return {
    schema: "xkld.periodic-report/1",
    reporter: { kind: item ? "unit" : "province", code: item?.unitCode ?? "province", name: nfc(unitName), unitIds },
    provinceCode: data.provinceCode,
    period: { code: period.code, label: period.label, from: period.from, to: period.to },
    asOf,
    heading: item
      ? {
          parentAgency: "",
          agency: nfc(`ỦY BAN NHÂN DÂN ${unitName.toLocaleUpperCase("vi")}`),
          agencyCode: "UBND",
          place: nfc(AdminUnit.bareName(unitName)),
          date: options.date ?? on,
          number: options.number ?? null,
        }
      : {
          parentAgency: nfc(`UBND ${data.provinceName.toLocaleUpperCase("vi")}`),
          agency: "SỞ NỘI VỤ",
          agencyCode: "SNV",
          place: nfc(provinceBare),
          date: options.date ?? on,
          number: options.number ?? null,
        },
    title: "BÁO CÁO",
    summary: nfc(
      `Kết quả thực hiện công tác đưa người lao động đi làm việc ở nước ngoài theo hợp đồng ${period.label}`,
    ),
    sections,
    signer: options.signer
      ? {
          authority: nfc(options.signer.authority),
          position: nfc(options.signer.position),
          name: nfc(options.signer.name),
        }
      : null,
    recipients: (item
      ? ["Sở Nội vụ (tổng hợp);", "Thường trực Đảng ủy, HĐND xã (b/c);", "Lưu: VT."]
      : ["Bộ Nội vụ (b/c);", `UBND ${data.provinceName} (b/c);`, "Các sở, ban, ngành liên quan;", "Lưu: VT, LĐ-VL."]
    ).map(nfc),
  }
}

/** Old units merged whole into a reporting unit: their workers are its workers. */
function unitsMergedInto(data: ProvinceData, unitId: string): ReadonlyArray<string> {
  const merged: string[] = []
  for (const id of data.catalogue.units.keys()) if (id !== unitId && data.homeUnit(id) === unitId) merged.push(id)
  return merged.toSorted()
}
