import { Schema } from "effect"

/** Sex as recorded on the citizen ID (giới tính). A clear statistical attribute. */
export const Sex = Schema.Literals(["male", "female"])
export type Sex = typeof Sex.Type

export const sexLabelVi: Record<Sex, string> = { male: "nam", female: "nữ" }
