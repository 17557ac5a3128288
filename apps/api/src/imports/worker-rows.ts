import { AdminUnit, PersonalData, Reference, type Worker } from "@xkld/domain"
import { Result } from "effect"
import type { RowError } from "./row-errors.ts"
import {
  dateVi,
  looseKey,
  readDate,
  readDigits,
  textOf,
  type Plain,
  type Read,
  type SheetTable,
} from "./spreadsheet.ts"
import { priorityGroupOf, workerColumns, type WorkerColumnKey } from "./worker-columns.ts"

/** Where the importing officer may register workers. */
export interface WorkerImportScope {
  readonly provinceCode: string
  /** The units a commune officer is bound to; undefined for the whole province (province officer). */
  readonly unitIds: ReadonlySet<string> | undefined
  /** Today (yyyy-mm-dd): a registration cannot be dated later. */
  readonly today: string
}

/** A row that passed every check that needs no database: ready to seal and register. */
export interface ValidWorkerRow {
  readonly row: number
  readonly fullName: string
  /** 12 digits, normalised. */
  readonly citizenId: string
  readonly dateOfBirth: string
  readonly sex: PersonalData.Sex
  readonly unit: { readonly unitId: string; readonly code: string; readonly name: string }
  readonly ethnicMinority: boolean
  readonly ethnicGroup: string | undefined
  readonly priorityGroups: ReadonlyArray<Worker.PriorityGroup>
  readonly registeredOn: string
  readonly phone: string | undefined
  readonly address: string | undefined
  readonly passportNumber: string | undefined
  /** Nguyện vọng: the wished market's code and the occupation, when written. */
  readonly wishMarket: string | undefined
  readonly wishOccupation: string | undefined
}

const headerOf = new Map(workerColumns.map((c) => [c.key, c.header]))
const MAX_TEXT = 200

/**
 * Validates every row of a workers list against the rules that need no database: formats and dates, the
 * citizen ID against date of birth and sex, the unit in the catalogue on the registration date and within
 * the officer's jurisdiction, and the same person twice in the file. Every problem of every row is reported.
 */
export function validateWorkerRows(
  table: SheetTable<WorkerColumnKey>,
  catalogue: AdminUnit.Catalogue,
  scope: WorkerImportScope,
): { readonly valid: ReadonlyArray<ValidWorkerRow>; readonly errors: ReadonlyArray<RowError> } {
  const valid: Array<ValidWorkerRow> = []
  const errors: Array<RowError> = []
  const seen = new Map<string, number>()
  const units = provinceUnits(catalogue, scope.provinceCode)
  const ownUnits = scope.unitIds
    ? [...scope.unitIds].map((id) => AdminUnit.attributesOn(catalogue, id, scope.today)?.name ?? id).join(", ")
    : ""

  for (const { row, cells } of table.rows) {
    const before = errors.length
    const err = (key: WorkerColumnKey, message: string, messageEn: string) =>
      errors.push({ row, field: headerOf.get(key) ?? key, column: table.columns[key], message, messageEn })
    const required = <A>(key: WorkerColumnKey, label: string, read: (v: Plain) => Read<A>): A | undefined => {
      const value = cells[key]
      if (value === undefined) {
        err(key, `Thiếu ${label}.`, `Missing ${key}.`)
        return undefined
      }
      const result = read(value)
      if (!result.ok) err(key, result.message, result.messageEn)
      return result.ok ? result.value : undefined
    }
    const optionalText = (key: WorkerColumnKey): string | undefined => {
      const text = textOf(cells[key])
      if (text !== undefined && text.length > MAX_TEXT)
        err(key, `Quá dài (tối đa ${MAX_TEXT} ký tự).`, `Too long (max ${MAX_TEXT}).`)
      return text
    }

    const fullName = required("fullName", "họ và tên", readName)
    const dateOfBirth = required("dateOfBirth", "ngày sinh", readDate)
    const sex = required("sex", "giới tính", readSex)
    const registeredOn = required("registeredOn", "ngày đăng ký", readDate)
    const ethnicMinority = required("ethnicMinority", "thông tin dân tộc thiểu số (Có/Không)", readYesNo)
    const ethnicGroup = optionalText("ethnicGroup")
    const address = optionalText("address")
    const passportNumber = optionalText("passportNumber")
    const wishOccupation = optionalText("wishOccupation")
    const wishMarket = readMarket(cells.wishMarket, (m, en) => err("wishMarket", m, en))
    const priorityGroups = readGroups(cells.priorityGroups, (m, en) => err("priorityGroups", m, en))
    const phone = readPhone(cells.phone, (m, en) => err("phone", m, en))

    if (registeredOn !== undefined && registeredOn > scope.today)
      err(
        "registeredOn",
        `Ngày đăng ký ${dateVi(registeredOn)} sau ngày hôm nay.`,
        "Registration date is in the future.",
      )
    if (dateOfBirth !== undefined && registeredOn !== undefined && dateOfBirth >= registeredOn)
      err(
        "dateOfBirth",
        `Ngày sinh ${dateVi(dateOfBirth)} phải trước ngày đăng ký ${dateVi(registeredOn)}.`,
        "Date of birth must precede registration.",
      )

    // Citizen ID: format always; agreement with date of birth and sex when those are readable.
    let citizenId: string | undefined
    if (cells.citizenId === undefined) err("citizenId", "Thiếu số CCCD.", "Missing citizen ID.")
    else {
      const raw = readDigits(cells.citizenId, 12)
      const checked =
        dateOfBirth !== undefined && sex !== undefined
          ? PersonalData.validateCitizenId(raw, { dateOfBirth, sex })
          : Result.map(PersonalData.parseCitizenId(raw), (facts) => facts.citizenId)
      if (Result.isFailure(checked)) err("citizenId", checked.failure.message, checked.failure.messageEn)
      else {
        citizenId = checked.success
        const first = seen.get(citizenId)
        if (first !== undefined)
          err(
            "citizenId",
            `Số CCCD ${citizenId} trùng với dòng ${first} trong tệp; mỗi người chỉ đăng ký một lần.`,
            `Same citizen ID as row ${first}.`,
          )
        else seen.set(citizenId, row)
      }
    }

    // Unit: in the catalogue and in the province on the registration date, and within the officer's units.
    let unit: ValidWorkerRow["unit"] | undefined
    const onDate = registeredOn ?? scope.today
    if (cells.unitCode === undefined) err("unitCode", "Thiếu mã xã/phường.", "Missing unit code.")
    else {
      const code = readDigits(cells.unitCode, 5)
      const found = units(onDate).get(code)
      if (!/^\d{5}$/.test(code))
        err("unitCode", `Mã xã/phường “${code}” phải gồm 5 chữ số.`, "Unit code must have 5 digits.")
      else if (found === undefined) {
        const elsewhere = AdminUnit.unitOn(catalogue, code, onDate)[0]
        if (elsewhere)
          err(
            "unitCode",
            `${elsewhere.name} (mã ${code}) không thuộc tỉnh của bạn.`,
            `Unit ${code} is outside the province.`,
          )
        else if (catalogue.byCode.has(code))
          err(
            "unitCode",
            `Mã ${code} không còn hiệu lực vào ngày ${dateVi(onDate)} (đơn vị đã được sắp xếp lại); hãy dùng mã xã, phường hiện hành.`,
            `Unit code ${code} not in force on ${onDate}.`,
          )
        else
          err(
            "unitCode",
            `Mã xã/phường ${code} không có trong danh mục đơn vị hành chính.`,
            `Unknown unit code ${code}.`,
          )
      } else if (scope.unitIds && !scope.unitIds.has(found.unitId))
        err(
          "unitCode",
          `${found.name} (mã ${code}) ngoài phạm vi quản lý của bạn; bạn chỉ được nhập người lao động của ${ownUnits}.`,
          `Unit ${code} is outside your jurisdiction.`,
        )
      else {
        const typedName = textOf(cells.unitName)
        if (
          typedName !== undefined &&
          !AdminUnit.unitOn(catalogue, typedName, onDate).some((u) => u.unitId === found.unitId)
        )
          err(
            "unitName",
            `Tên “${typedName}” không khớp với mã ${code} (${found.name}).`,
            `Name does not match unit ${code}.`,
          )
        unit = { unitId: found.unitId, code, name: found.name }
      }
    }

    if (errors.length === before)
      valid.push({
        row,
        fullName: fullName!,
        citizenId: citizenId!,
        dateOfBirth: dateOfBirth!,
        sex: sex!,
        unit: unit!,
        ethnicMinority: ethnicMinority!,
        ethnicGroup,
        priorityGroups,
        registeredOn: registeredOn!,
        phone,
        address,
        passportNumber,
        wishMarket,
        wishOccupation,
      })
  }
  return { valid, errors }
}

/** The commune-level units of a province by code, per date (cached: a file has few distinct dates). */
const provinceUnits = (catalogue: AdminUnit.Catalogue, provinceCode: string) => {
  const cache = new Map<string, Map<string, AdminUnit.UnitAttributes>>()
  return (date: string) => {
    let byCode = cache.get(date)
    if (!byCode) {
      byCode = new Map(AdminUnit.unitsOf(catalogue, provinceCode, date).map((u) => [u.code, u]))
      cache.set(date, byCode)
    }
    return byCode
  }
}

const readName = (value: Plain): Read<string> => {
  const text = textOf(value) ?? ""
  if (/\d/.test(text))
    return { ok: false, message: `Họ và tên “${text}” có chữ số.`, messageEn: "Name contains digits." }
  if (text.length > 100)
    return { ok: false, message: "Họ và tên quá dài (tối đa 100 ký tự).", messageEn: "Name too long." }
  return { ok: true, value: text }
}

const readSex = (value: Plain): Read<PersonalData.Sex> => {
  const key = looseKey(textOf(value) ?? "")
  if (key === "nam" || key === "male") return { ok: true, value: "male" }
  if (key === "nu" || key === "female") return { ok: true, value: "female" }
  return {
    ok: false,
    message: `Giới tính “${textOf(value)}” không hợp lệ; ghi “Nam” hoặc “Nữ”.`,
    messageEn: "Sex must be Nam or Nữ.",
  }
}

const readYesNo = (value: Plain): Read<boolean> => {
  if (typeof value === "boolean") return { ok: true, value }
  const key = looseKey(textOf(value) ?? "")
  if (["co", "x", "yes", "1"].includes(key)) return { ok: true, value: true }
  if (["khong", "no", "0"].includes(key)) return { ok: true, value: false }
  return {
    ok: false,
    message: `Giá trị “${textOf(value)}” không hợp lệ; ghi “Có” hoặc “Không”.`,
    messageEn: "Must be Có or Không.",
  }
}

const readGroups = (
  value: Plain,
  err: (message: string, messageEn: string) => void,
): ReadonlyArray<Worker.PriorityGroup> => {
  const text = textOf(value)
  if (text === undefined) return []
  const groups = new Set<Worker.PriorityGroup>()
  // Groups are separated by ";" or a new line, or by commas — but some names hold a comma ("Học sinh, sinh viên").
  const parts = text
    .split(/[;\n]/)
    .flatMap((part) => (priorityGroupOf(part.trim()) ? [part] : part.split(",")))
    .map((p) => p.trim())
    .filter((p) => p !== "")
  for (const part of parts) {
    const group = priorityGroupOf(part)
    if (group) groups.add(group)
    else
      err(
        `Nhóm ưu tiên “${part}” không có trong danh mục (xem trang “Hướng dẫn”).`,
        `Unknown priority group "${part}".`,
      )
  }
  return [...groups]
}

/** A market by its Vietnamese name (or another spelling the catalogue knows) or its code. */
const readMarket = (value: Plain, err: (message: string, messageEn: string) => void): string | undefined => {
  const text = textOf(value)
  if (text === undefined) return undefined
  const market = Reference.marketByVietnameseName(text) ?? Reference.marketByCode(text.toUpperCase())
  if (market === undefined) {
    err(`Thị trường “${text}” không có trong danh mục thị trường (xem trang “Hướng dẫn”).`, `Unknown market "${text}".`)
    return undefined
  }
  return market.code
}

const readPhone = (value: Plain, err: (message: string, messageEn: string) => void): string | undefined => {
  if (value === undefined) return undefined
  let phone = readDigits(value, 0).replace(/[()]/g, "")
  if (/^\d{9}$/.test(phone) && typeof value === "number") phone = `0${phone}` // a number cell drops the leading 0
  if (/^\+84\d{9}$/.test(phone)) phone = `0${phone.slice(3)}`
  if (!/^0\d{9}$/.test(phone)) {
    err(
      `Số điện thoại “${textOf(value)}” không hợp lệ; cần 10 chữ số bắt đầu bằng 0.`,
      "Phone must be 10 digits starting with 0.",
    )
    return undefined
  }
  return phone
}
