import { AdminUnit, PlanTask, Reference, vietnamDateOf } from "@xkld/domain"
import { departureBreakdown, finance, funnel, outcomes, trainingCoverage } from "@xkld/projections"
import { formatDate, formatNumber, nfc } from "../text.ts"
import { STAGE_LABELS, TASK_STATUS } from "./labels.ts"
import { metOnTime, OBLIGATION_COLUMNS, obligationRows } from "./obligations.ts"
import type { Column, FigureSource, ReportContent, Row, Scope, Section, Table } from "./model.ts"
import type { ProvinceData, ObligationRow, TaskRow } from "./province-data.ts"
import { preparedShare, TRAINED_BEFORE_DEPARTURE } from "./training.ts"

/**
 * A department's report (sở, ban, ngành: issue 11, "for a reporter (a commune or ward, a department, the
 * province)"). Seed 001 mục V: the departments carry out the plan's tasks assigned to them and report to UBND
 * tỉnh through Sở Nội vụ; Lào Cai 002 and Sơn La 2023 (003) likewise. A department has no territory: its report
 * is its tasks against their time frame, its reporting obligations, the officer's free text, and — where the
 * plan gives it a field — the province's figures of that field, printed as the province's (never as the
 * department's own result), with a note saying so.
 */

/** Group parties the documents address collectively: "Các sở, ban, ngành" names every department. */
const ALL_DEPARTMENTS = "SO-NGANH"
/** Agencies that are not a department's reporter: people's committees, groups, enterprises; Sở Nội vụ reports the province. */
const NOT_REPORTERS = new Set<Reference.AgencyKind>(["people-committee", "group", "enterprise"])

export const isAgencyReporter = (reporter: string): boolean => reporter !== "province" && !/^\d{5}$/.test(reporter)

const ROLE_LEAD = "Chủ trì"
const ROLE_COORDINATING = "Phối hợp"

/** The department's role in a task: lead, coordinating (its code, or "Các sở, ban, ngành"), or none. */
const roleIn = (task: TaskRow, code: string): string | null =>
  task.lead.agencyCodes.includes(code) || task.lead.agencyCodes.includes(ALL_DEPARTMENTS)
    ? ROLE_LEAD
    : task.coordinating.agencyCodes.includes(code) || task.coordinating.agencyCodes.includes(ALL_DEPARTMENTS)
      ? ROLE_COORDINATING
      : null

const obligedTo = (ob: ObligationRow, code: string) =>
  (ob.reporter.kind === "agency" && ob.reporter.code === code) ||
  (ob.reporter.kind === "group" && ob.reporter.code === ALL_DEPARTMENTS)

/**
 * The departments that can report for the province's year: an agency of the reference list (not a people's
 * committee, a group or an enterprise, not Sở Nội vụ, which issues the province's report) named by a task of the
 * year's plan or by a reporting obligation of the year, by its own code. Sorted by code.
 */
export const departmentReporters = (data: ProvinceData): ReadonlyArray<Reference.Agency> =>
  departmentsNamedIn(data.tasks, data.obligations)

/** `departmentReporters` from the year's plan tasks and reporting obligations (as `loadProvinceData` keeps them). */
export function departmentsNamedIn(
  tasks: ReadonlyArray<TaskRow>,
  obligations: ReadonlyArray<ObligationRow>,
): ReadonlyArray<Reference.Agency> {
  const named = new Set<string>()
  for (const t of tasks) for (const c of [...t.lead.agencyCodes, ...t.coordinating.agencyCodes]) named.add(c)
  for (const ob of obligations) if (ob.reporter.kind === "agency" && ob.reporter.code) named.add(ob.reporter.code)
  return Reference.agencies
    .filter((a) => named.has(a.code) && !NOT_REPORTERS.has(a.kind) && a.code !== "SNV" && !a.succeededBy)
    .toSorted((a, b) => a.code.localeCompare(b.code))
}

interface FieldFigure {
  readonly label: string
  readonly value: number | null
  readonly unit: string
  readonly source: FigureSource
}

/** The province's figures of a department's field, where the plan gives it one (seed 001 part III's tasks). */
function fieldFigures(
  data: ProvinceData,
  code: string,
): { readonly field: string; readonly rows: FieldFigure[] } | null {
  const { period } = data
  const departures = data.departures
  const workers = data.workers
  const stage = (s: keyof typeof STAGE_LABELS) => funnel(workers, period).stages.find((x) => x.stage === s)?.count ?? 0
  const cohort = `người đăng ký ${period.label}`
  const breakdown = () => departureBreakdown(departures, period, () => undefined)
  const person = (label: string, value: number | null, source: FigureSource = "workers"): FieldFigure => ({
    label,
    value,
    unit: "người",
    source,
  })
  switch (code) {
    case "SYT":
    case "CDYTSL":
      return { field: "khám sức khỏe", rows: [person(`Số ${cohort} đã khám sức khỏe`, stage("healthChecked"))] }
    case "STP":
      return {
        field: "lý lịch tư pháp, tư vấn pháp luật",
        rows: [
          person(`Số ${cohort} có phiếu lý lịch tư pháp`, stage("recordCertificate")),
          person(
            `Số người xuất cảnh ${period.label} được tư vấn pháp luật trước khi xuất cảnh`,
            departures.filter(
              (d) =>
                d.counted &&
                d.departedOn >= period.from &&
                d.departedOn <= period.to &&
                d.legalCounselledBeforeDeparture,
            ).length,
            "departures",
          ),
        ],
      }
    case "CA-TINH":
      return {
        field: "cấp hộ chiếu",
        rows: [
          person(
            `Số ${cohort} đã được cấp hộ chiếu`,
            workers.filter((w) => w.registeredOn >= period.from && w.registeredOn <= period.to && w.passportIssuedOn)
              .length,
          ),
        ],
      }
    case "NHCSXH":
    case "NHNN": {
      const f = finance(workers)
      return {
        field: "cho vay vốn",
        rows: [
          person("Số người được vay vốn (lũy kế)", f.loans.count),
          { label: "Số tiền cho vay (lũy kế)", value: f.loans.amount, unit: "đồng", source: "workers" },
        ],
      }
    }
    case "STC": {
      const f = finance(workers)
      return {
        field: "kinh phí hỗ trợ",
        rows: [
          person("Số người được hỗ trợ (lũy kế)", f.subsidies.count),
          { label: "Số tiền hỗ trợ (lũy kế)", value: f.subsidies.amount, unit: "đồng", source: "workers" },
        ],
      }
    }
    case "SDTTG":
    case "BDT": {
      const b = breakdown()
      return {
        field: "người dân tộc thiểu số",
        rows: [
          person(`Số người xuất cảnh ${period.label}`, b.total, "departures"),
          person(`Trong đó người dân tộc thiểu số`, b.byEthnicMinority["yes"] ?? 0, "departures"),
        ],
      }
    }
    case "SGDDT":
    case "CDSL":
    case "CDKTCNSL":
    case "DHTB":
    case "TTDVVL": {
      const prepared = preparedShare(departures, period)
      return {
        field: "tư vấn, đào tạo, bồi dưỡng trước xuất cảnh",
        rows: [
          person(`Số ${cohort} được tư vấn`, stage("counselled")),
          person(`Số ${cohort} được đào tạo, bồi dưỡng`, stage("trained")),
          person(
            `Số người học ngoại ngữ ${period.label}`,
            trainingCoverage(departures, workers, period).languageTrainees,
          ),
          {
            label: `${TRAINED_BEFORE_DEPARTURE.labelVi} (${period.label})`,
            value: prepared.percent,
            unit: "%",
            source: "departures",
          },
        ],
      }
    }
    case "SNGV": {
      const o = outcomes(workers)
      return {
        field: "người lao động ở nước ngoài",
        rows: [
          person("Số người đang làm việc ở nước ngoài", o.abroadNow),
          person("Số người ở lại trái phép sau khi hết hợp đồng", o.overstayed),
          person("Số người tử vong ở nước ngoài", workers.filter((w) => w.deathOrMissing === "deceased").length),
          person("Số người mất tích ở nước ngoài", workers.filter((w) => w.deathOrMissing === "missing").length),
        ],
      }
    }
    default:
      return null
  }
}

export class UnknownDepartment extends Error {
  readonly _tag = "UnknownDepartment"
  readonly code: string
  constructor(code: string) {
    super(
      `Sở, ban, ngành mã ${code} không có nhiệm vụ hoặc chế độ báo cáo nào trong kế hoạch năm của tỉnh (hoặc không phải một sở, ban, ngành lập báo cáo riêng).`,
    )
    this.code = code
  }
}

export interface DepartmentOptions {
  readonly number?: string | null
  readonly date?: string
  readonly signer?: ReportContent["signer"]
  readonly difficulties?: string
  readonly proposals?: string
}

/** The report of one department (its agency code), from the province's data. */
export function buildDepartmentReport(data: ProvinceData, code: string, options: DepartmentOptions): ReportContent {
  const agency = departmentReporters(data).find((a) => a.code === code)
  if (!agency) throw new UnknownDepartment(code)
  const { period } = data
  const asOf = data.asOf.toISOString()
  const on = data.through ?? vietnamDateOf(data.asOf)
  const scope: Scope = { kind: "province" }
  const name = agency.nameVi

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

  // I. Tasks
  const tasks = data.tasks
    .map((t) => ({ t, role: roleIn(t, code) }))
    .filter((x): x is { t: TaskRow; role: string } => x.role !== null)
    .toSorted((a, b) => a.t.group.localeCompare(b.t.group) || a.t.number - b.t.number)
  const statuses = tasks.map(({ t }) => PlanTask.taskStatus(t, on))
  const taskTable = table(
    "nhiem-vu",
    "Nhiệm vụ được giao trong kế hoạch và tiến độ so với thời hạn",
    [
      // "31/12/2026" on one line in the PDF's and the DOCX's column (seen in a rendered page)
      { label: "Nhiệm vụ", kind: "text", width: 39 },
      { label: "Vai trò", kind: "text", width: 11 },
      { label: "Thời hạn", kind: "text", width: 17 },
      { label: "Tình trạng", kind: "text", width: 21 },
      { label: "Tiến độ (%)", kind: "percent", width: 12, source: "tasks" },
    ],
    tasks.map(({ t, role }, i) => ({
      cells: [
        `${t.group}.${t.number}. ${t.content}`,
        role,
        t.dueDate ? formatDate(t.dueDate) : t.timeFrame.label,
        TASK_STATUS[statuses[i]!],
        t.completedOn !== null && t.completedOn <= on ? 100 : (t.progress.at(-1)?.percentComplete ?? null),
      ],
      lineage: null,
      scope,
    })),
  )
  const count = (s: PlanTask.TaskStatus) => statuses.filter((x) => x === s).length
  const lead = tasks.filter((x) => x.role === ROLE_LEAD).length

  // II. The province's figures of its field
  const field = fieldFigures(data, code)
  const noTerritory = `${name} là cơ quan của tỉnh, không có địa bàn riêng: báo cáo không có chỉ tiêu hay số người xuất cảnh của riêng đơn vị như báo cáo của xã, phường.`
  const fieldTable = field
    ? table(
        "so-lieu-linh-vuc",
        `Số liệu toàn tỉnh thuộc lĩnh vực ${field.field}`,
        [
          { label: "Nội dung", kind: "text", width: 62 },
          { label: "Số liệu", kind: "count", width: 22, source: "workers" },
          { label: "Đơn vị tính", kind: "text", width: 16 },
        ],
        field.rows.map((r) => ({ cells: [r.label, r.value, r.unit], lineage: null, scope })),
        `Số liệu của toàn tỉnh (${data.provinceName}), cùng nguồn với báo cáo của tỉnh; không phải kết quả riêng của ${name}.`,
      )
    : null

  // III. Reporting obligations
  const obligations = data.obligations.filter((ob) => obligedTo(ob, code))
  const obligationTable = table(
    "che-do-bao-cao",
    "Thực hiện chế độ báo cáo",
    OBLIGATION_COLUMNS,
    obligationRows(obligations, on, scope),
  )
  const onTime = metOnTime(obligations, on)

  const sections: Section[] = [
    {
      heading: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO",
      paragraphs: [
        `Tính đến ngày ${formatDate(on)}, ${name} được giao ${formatNumber(tasks.length)} nhiệm vụ của kế hoạch (chủ trì ${formatNumber(lead)}, phối hợp ${formatNumber(tasks.length - lead)}): hoàn thành đúng hạn ${formatNumber(count("completed-on-time"))}, hoàn thành trễ hạn ${formatNumber(count("completed-late"))}, đang thực hiện trong hạn ${formatNumber(count("open"))}, quá hạn ${formatNumber(count("overdue"))}, thường xuyên ${formatNumber(count("ongoing"))}.`,
      ],
      tables: [taskTable],
    },
    {
      heading: "SỐ LIỆU THUỘC LĨNH VỰC PHỤ TRÁCH",
      paragraphs: field
        ? [noTerritory, `Các số liệu dưới đây là số liệu toàn tỉnh thuộc lĩnh vực ${field.field} mà ${name} phụ trách.`]
        : [
            noTerritory,
            `Kế hoạch không giao cho ${name} một lĩnh vực có số liệu trong hệ thống; báo cáo không nêu số liệu.`,
          ],
      tables: fieldTable ? [fieldTable] : [],
    },
    {
      heading: "THỰC HIỆN CHẾ ĐỘ BÁO CÁO",
      paragraphs: [`Nộp đúng hạn ${formatNumber(onTime)}/${formatNumber(obligations.length)} báo cáo theo quy định.`],
      tables: [obligationTable],
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
    heading: nfc(`${["I", "II", "III", "IV"][i]}. ${s.heading}`),
    paragraphs: s.paragraphs.map(nfc),
    tables: s.tables,
  }))

  return {
    schema: "xkld.periodic-report/1",
    reporter: { kind: "agency", code, name: nfc(name), unitIds: [] },
    provinceCode: data.provinceCode,
    period: { code: period.code, label: period.label, from: period.from, to: period.to },
    asOf,
    heading: {
      parentAgency: nfc(`UBND ${data.provinceName.toLocaleUpperCase("vi")}`),
      agency: nfc(name.toLocaleUpperCase("vi")),
      agencyCode: code,
      place: nfc(AdminUnit.bareName(data.provinceName)),
      date: options.date ?? vietnamDateOf(data.asOf),
      number: options.number ?? null,
    },
    title: "BÁO CÁO",
    summary: nfc(
      `Kết quả thực hiện nhiệm vụ về đưa người lao động đi làm việc ở nước ngoài theo hợp đồng ${period.label}`,
    ),
    sections,
    signer: options.signer
      ? {
          authority: nfc(options.signer.authority),
          position: nfc(options.signer.position),
          name: nfc(options.signer.name),
        }
      : null,
    recipients: [`UBND ${data.provinceName} (b/c);`, "Sở Nội vụ (tổng hợp);", "Lưu: VT."].map(nfc),
  }
}
