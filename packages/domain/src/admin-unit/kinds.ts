import { Schema } from "effect"

/**
 * The kinds of administrative unit (cấp hành chính). `township` (thị trấn) existed only before 1 July 2025;
 * `district` (cấp huyện) was abolished on that day; `special-zone` (đặc khu) exists only after it.
 */
export const AdminUnitKind = Schema.Literals(["province", "district", "commune", "ward", "township", "special-zone"])
export type AdminUnitKind = typeof AdminUnitKind.Type

/** The Vietnamese label a unit is called by, kept as data next to the kind ("thành phố" exists at two levels). */
export const KindLabel = Schema.Literals([
  "tỉnh",
  "thành phố",
  "huyện",
  "thị xã",
  "xã",
  "phường",
  "thị trấn",
  "đặc khu",
])
export type KindLabel = typeof KindLabel.Type

export const kindLabelsOf: Readonly<Record<AdminUnitKind, ReadonlyArray<KindLabel>>> = {
  province: ["tỉnh", "thành phố"],
  district: ["huyện", "thị xã", "thành phố"],
  commune: ["xã"],
  ward: ["phường"],
  township: ["thị trấn"],
  "special-zone": ["đặc khu"],
}

export type AdminLevel = "province" | "district" | "commune-level"

export const levelOf = (kind: AdminUnitKind): AdminLevel =>
  kind === "province" ? "province" : kind === "district" ? "district" : "commune-level"

/** Statistics-office codes: 2 digits for provinces, 3 for districts, 5 for communes, wards, townships and special zones. */
const codePattern: Readonly<Record<AdminLevel, RegExp>> = {
  province: /^\d{2}$/,
  district: /^\d{3}$/,
  "commune-level": /^\d{5}$/,
}

export const isValidCode = (kind: AdminUnitKind, code: string): boolean => codePattern[levelOf(kind)].test(code)

/** Which levels a unit of a level may sit under: province → district → commune-level, or province → commune-level. */
export const allowedParentLevels: Readonly<Record<AdminLevel, ReadonlyArray<AdminLevel>>> = {
  province: [],
  district: ["province"],
  "commune-level": ["province", "district"],
}

const communeLevelKinds: Readonly<Record<string, AdminUnitKind>> = {
  xã: "commune",
  phường: "ward",
  "thị trấn": "township",
  "đặc khu": "special-zone",
}

/** The kind a commune-level label names (as in the data's `unit_kind` column and at the start of unit names). */
export const communeKindOfLabel = (label: string): AdminUnitKind | undefined => communeLevelKinds[label]
