import { Result, Schema } from "effect"
import { type AdminUnitCommand, DissolveAdminUnit, EstablishAdminUnit, RecordSuccession } from "../commands.ts"
import { catalogueBuilder } from "../catalogue.ts"
import { adminUnitDecider } from "../decider.ts"
import type { LegalBasis } from "../../shared/values.ts"
import type { AdminUnitEvent, SuccessorShare } from "../events.ts"
import { adminUnitId } from "../ids.ts"
import { type AdminUnitKind, communeKindOfLabel, type KindLabel, kindLabelsOf } from "../kinds.ts"
import { nameKey, normaliseName } from "../names.ts"
import { parseCsv } from "./csv.ts"
import {
  communeResolutions,
  adminUnitDataSource,
  localGovernmentLaw,
  provinceResolution,
  reorganisationDate,
} from "./legal-bases.ts"

/** The three bundled files, as text (see `data/README.md`). */
export interface AdminUnitCsvFiles {
  readonly provinces: string
  readonly units: string
  readonly succession: string
}

/** The data could not be turned into a consistent history; `message` says which row or command and why. */
export class AdminUnitDataError extends Schema.TaggedError<AdminUnitDataError>()("AdminUnitDataError", {
  message: Schema.String,
  messageEn: Schema.String,
}) {}

type Row = Readonly<Record<string, string>>

class Problem {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

const cell = (row: Row, column: string): string => {
  const value = row[column]
  if (value === undefined) throw new Problem(`thiếu cột ${column}`)
  return normaliseName(value)
}

const labelOf = (name: string, kind: AdminUnitKind): KindLabel => {
  const label = kindLabelsOf[kind].find((l) => nameKey(name).startsWith(`${l} `))
  if (label === undefined) throw new Problem(`không nhận ra loại đơn vị của "${name}"`)
  return label
}

/** The kind word a commune-level name starts with ("Thị trấn Bắc Yên" → "thị trấn"). */
const communeLabelOf = (name: string): string =>
  ["xã", "phường", "thị trấn", "đặc khu"].find((l) => nameKey(name).startsWith(`${l} `)) ?? nameKey(name)

const communeKindOf = (label: string, name: string): { kind: AdminUnitKind; label: KindLabel } => {
  const kind = communeKindOfLabel(label)
  if (kind === undefined) throw new Problem(`loại đơn vị "${label}" của "${name}" không phải cấp xã`)
  return { kind, label: label as KindLabel }
}

/** Rows grouped by `key`, groups in first-seen order. */
const groupBy = <K extends string>(
  rows: ReadonlyArray<Row>,
  key: (r: Row) => K,
): ReadonlyMap<K, ReadonlyArray<Row>> => {
  const groups = new Map<K, Array<Row>>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group === undefined) groups.set(k, [row])
    else group.push(row)
  }
  return groups
}

const first = (rows: ReadonlyArray<Row>): Row => {
  const row = rows[0]
  if (row === undefined) throw new Problem("nhóm rỗng")
  return row
}

const agree = (rows: ReadonlyArray<Row>, column: string, what: string): string => {
  const values = new Set(rows.map((r) => cell(r, column)))
  if (values.size !== 1) throw new Problem(`${what}: cột ${column} không thống nhất (${[...values].join(" / ")})`)
  return cell(first(rows), column)
}

const oldId = (provinceCode: string, code: string) => adminUnitId({ provinceCode, code, validFrom: null })
const newId = (provinceCode: string, code: string) => adminUnitId({ provinceCode, code, validFrom: reorganisationDate })

const establishedOld = (fields: {
  unitId: string
  code: string
  name: string
  kind: AdminUnitKind
  kindLabel: KindLabel
  parentId: string | null
}) => new EstablishAdminUnit({ ...fields, validFrom: null, legalBasis: null, source: adminUnitDataSource })

const establishedNew = (fields: {
  unitId: string
  code: string
  name: string
  kind: AdminUnitKind
  kindLabel: KindLabel
  parentId: string | null
  legalBasis: LegalBasis
}) => new EstablishAdminUnit({ ...fields, validFrom: reorganisationDate, source: adminUnitDataSource })

const resolutionOf = (rows: ReadonlyArray<Row>, what: string): LegalBasis => {
  const number = agree(rows, "legal_basis", what)
  const basis = communeResolutions[number]
  if (basis === undefined) throw new Problem(`${what}: chưa biết căn cứ pháp lý ${number}`)
  return basis
}

interface Parsed {
  readonly provinceRows: ReadonlyArray<Row>
  readonly unitRows: ReadonlyArray<Row>
  readonly oldProvinces: ReadonlyMap<string, ReadonlyArray<Row>>
  readonly oldDistricts: ReadonlyMap<string, ReadonlyArray<Row>>
  readonly oldUnits: ReadonlyMap<string, ReadonlyArray<Row>>
  readonly successionsInto: ReadonlyMap<string, ReadonlyArray<Row>>
}

const byColumns = (a: string, b: string) => (r: Row) => `${cell(r, a)}/${cell(r, b)}`

const parse = (files: AdminUnitCsvFiles): Parsed => {
  const successionRows = parseCsv(files.succession)
  return {
    provinceRows: parseCsv(files.provinces),
    unitRows: parseCsv(files.units),
    oldProvinces: groupBy(successionRows, (r) => cell(r, "old_province_code")),
    oldDistricts: groupBy(successionRows, byColumns("old_province_code", "old_district_code")),
    oldUnits: groupBy(successionRows, byColumns("old_province_code", "old_unit_code")),
    successionsInto: groupBy(successionRows, byColumns("new_province_code", "new_unit_code")),
  }
}

/** Before 1 July 2025: provinces → districts → communes, established at an unrecorded origin. */
const oldUnitCommands = (data: Parsed): ReadonlyArray<AdminUnitCommand> => [
  ...[...data.oldProvinces].map(([code, rows]) => {
    const name = agree(rows, "old_province_name", `tỉnh cũ ${code}`)
    const kindLabel = labelOf(name, "province")
    return establishedOld({ unitId: oldId(code, code), code, name, kind: "province", kindLabel, parentId: null })
  }),
  ...[...data.oldDistricts.values()].map((rows) => {
    const [p, d] = [cell(first(rows), "old_province_code"), cell(first(rows), "old_district_code")]
    const name = agree(rows, "old_district_name", `huyện cũ ${d}`)
    const kindLabel = labelOf(name, "district")
    return establishedOld({ unitId: oldId(p, d), code: d, name, kind: "district", kindLabel, parentId: oldId(p, p) })
  }),
  ...[...data.oldUnits.values()].map((rows) => {
    const [p, c] = [cell(first(rows), "old_province_code"), cell(first(rows), "old_unit_code")]
    const name = agree(rows, "old_unit_name", `xã cũ ${c}`)
    const district = agree(rows, "old_district_code", `xã cũ ${c}`)
    const { kind, label } = communeKindOf(communeLabelOf(name), name)
    return establishedOld({ unitId: oldId(p, c), code: c, name, kind, kindLabel: label, parentId: oldId(p, district) })
  }),
]

/** Old province code → the new province whose `merged_from` names it. */
const provinceTargets = (data: Parsed): ReadonlyArray<readonly [string, string]> => {
  const mergedInto = new Map(
    data.provinceRows.flatMap((r) =>
      cell(r, "merged_from")
        .split(";")
        .map((n) => [nameKey(n), cell(r, "province_code")] as const),
    ),
  )
  return [...data.oldProvinces].map(([code, rows]) => {
    const target = mergedInto.get(nameKey(agree(rows, "old_province_name", `tỉnh cũ ${code}`)))
    if (target === undefined) throw new Problem(`tỉnh cũ ${code} không có trong cột merged_from`)
    return [code, target] as const
  })
}

/** From 1 July 2025: provinces → communes, each citing the resolution that formed it. */
const newUnitCommands = (data: Parsed): ReadonlyArray<AdminUnitCommand> => {
  const provinceNames = new Map(data.provinceRows.map((r) => [cell(r, "province_code"), cell(r, "province_name")]))
  const codes = new Set([
    ...data.unitRows.map((r) => cell(r, "province_code")),
    ...provinceTargets(data).map(([, t]) => t),
  ])
  const provinces = [...codes].toSorted().map((code) => {
    const name = provinceNames.get(code)
    if (name === undefined) throw new Problem(`tỉnh mới ${code} không có trong danh sách tỉnh`)
    const kindLabel = labelOf(name, "province")
    const fields = { unitId: newId(code, code), code, name, kind: "province", kindLabel, parentId: null } as const
    return establishedNew({ ...fields, legalBasis: provinceResolution })
  })
  const communes = data.unitRows.map((row) => {
    const [p, c, name] = [cell(row, "province_code"), cell(row, "unit_code"), cell(row, "unit_name")]
    const { kind, label } = communeKindOf(cell(row, "unit_kind"), name)
    const predecessorRows = data.successionsInto.get(`${p}/${c}`)
    if (predecessorRows === undefined) throw new Problem(`đơn vị mới ${c} ${name} không có đơn vị tiền thân`)
    const legalBasis = resolutionOf(predecessorRows, `đơn vị mới ${c}`)
    return establishedNew({
      unitId: newId(p, c),
      code: c,
      name,
      kind,
      kindLabel: label,
      parentId: newId(p, p),
      legalBasis,
    })
  })
  return [...provinces, ...communes]
}

/** Each old commune passes in full; a split one with equal shares unless the data gives a `share` column. */
const communeSuccession = (rows: ReadonlyArray<Row>, newUnitNames: ReadonlyMap<string, string>): RecordSuccession => {
  const [p, c] = [cell(first(rows), "old_province_code"), cell(first(rows), "old_unit_code")]
  const split = agree(rows, "split", `xã cũ ${c}`) === "yes"
  if (split !== rows.length > 1)
    throw new Problem(`xã cũ ${c}: cột split không khớp với số đơn vị kế thừa (${rows.length})`)
  const stated = rows.every((r) => (r["share"] ?? "").trim() !== "")
  const successors: Array<SuccessorShare> = rows.map((r) => {
    const key = `${cell(r, "new_province_code")}/${cell(r, "new_unit_code")}`
    const newName = newUnitNames.get(key)
    if (newName === undefined || nameKey(newName) !== nameKey(cell(r, "new_unit_name")))
      throw new Problem(`xã cũ ${c}: đơn vị mới ${key} ${cell(r, "new_unit_name")} không khớp danh sách đơn vị mới`)
    return {
      unitId: newId(cell(r, "new_province_code"), cell(r, "new_unit_code")),
      share: stated ? Number(cell(r, "share")) : 1 / rows.length,
      legalText: cell(r, "legal_text").replaceAll("**", ""),
      confidence: cell(r, "confidence"),
    }
  })
  return new RecordSuccession({
    unitId: oldId(p, c),
    effectiveFrom: reorganisationDate,
    legalBasis: resolutionOf(rows, `xã cũ ${c}`),
    mode: "full",
    successors,
    shareBasis: stated || rows.length === 1 ? "stated" : "assumed-equal",
  })
}

/** Communes pass on; districts end without successors of their own; then the old provinces pass on. */
const endCommands = (data: Parsed): ReadonlyArray<AdminUnitCommand> => {
  const newUnitNames = new Map(
    data.unitRows.map((r) => [`${cell(r, "province_code")}/${cell(r, "unit_code")}`, cell(r, "unit_name")]),
  )
  return [
    ...[...data.oldUnits.values()].map((rows) => communeSuccession(rows, newUnitNames)),
    ...[...data.oldDistricts.values()].map((rows) => {
      const [p, d] = [cell(first(rows), "old_province_code"), cell(first(rows), "old_district_code")]
      return new DissolveAdminUnit({
        unitId: oldId(p, d),
        effectiveFrom: reorganisationDate,
        legalBasis: localGovernmentLaw,
      })
    }),
    ...provinceTargets(data).map(
      ([code, target]) =>
        new RecordSuccession({
          unitId: oldId(code, code),
          effectiveFrom: reorganisationDate,
          legalBasis: provinceResolution,
          mode: "full",
          successors: [{ unitId: newId(target, target), share: 1 }],
          shareBasis: "stated",
        }),
    ),
  ]
}

const buildCommands = (files: AdminUnitCsvFiles): ReadonlyArray<AdminUnitCommand> => {
  const data = parse(files)
  return [...oldUnitCommands(data), ...newUnitCommands(data), ...endCommands(data)]
}

/**
 * Turns the bundled CSV texts into the commands that record their history, in order: old provinces, districts and
 * communes (in force until 30 June 2025); new provinces and communes (from 1 July 2025); the successions of the old
 * communes; the end of the districts; the successions of the old provinces. Ids are deterministic (see `adminUnitId`).
 */
export const adminUnitCommandsFromCsv = (
  files: AdminUnitCsvFiles,
): Result.Result<ReadonlyArray<AdminUnitCommand>, AdminUnitDataError> => {
  try {
    return Result.succeed(buildCommands(files))
  } catch (error) {
    if (!(error instanceof Problem) && !(error instanceof Error)) throw error
    const text = error instanceof Problem ? error.text : error.message
    return Result.fail(
      new AdminUnitDataError({ message: `Dữ liệu đơn vị hành chính: ${text}`, messageEn: `Admin unit data: ${text}` }),
    )
  }
}

/** Runs the commands through the decider, so the bundled data obeys the same rules as any later change. */
export const loadAdminUnitEvents = (
  files: AdminUnitCsvFiles,
): Result.Result<ReadonlyArray<AdminUnitEvent>, AdminUnitDataError> =>
  Result.flatMap(adminUnitCommandsFromCsv(files), (commands) => {
    const events: Array<AdminUnitEvent> = []
    const state = catalogueBuilder()
    for (const [index, command] of commands.entries()) {
      const decision = adminUnitDecider.decide(command, state.catalogue)
      if (Result.isFailure(decision)) {
        const r = decision.failure
        return Result.fail(
          new AdminUnitDataError({
            message: `Lệnh ${index + 1} (${command._tag} ${command.unitId}) bị từ chối: ${r.message}`,
            messageEn: `Command ${index + 1} (${command._tag} ${command.unitId}) rejected: ${r.messageEn}`,
          }),
        )
      }
      for (const event of decision.success) {
        events.push(event)
        state.add(event)
      }
    }
    return Result.succeed(events)
  })
