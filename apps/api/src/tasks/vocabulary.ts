import type { Role } from "../access/roles.ts"

/** What plan tasks and reporting obligations share: the docs tag, who reads them, the group codes of the documents. */
export const TAGS = ["Nhiệm vụ, báo cáo"]
export const READERS: ReadonlyArray<Role> = [
  "province-officer",
  "department-officer",
  "commune-officer",
  "leader",
  "auditor",
]
/** The group code the documents use for "UBND các xã, phường" (the tasks and reports a commune officer sees). */
export const COMMUNES = "UBND-XA"
/** The group code for "Các Sở, ban, ngành". */
export const DEPARTMENTS = "SO-NGANH"
