import { Schema } from "effect"

/**
 * The lead or coordinating agencies of a task: the cell as printed, and the agency codes it names
 * (see reference/agencies.ts). "Các cơ quan đơn vị có liên quan" is the group code LIEN-QUAN.
 */
export const AgencyList = Schema.Struct({
  printed: Schema.String,
  agencyCodes: Schema.Array(Schema.String),
})
export type AgencyList = typeof AgencyList.Type
