import { streamIdKind } from "../shared/stream-id.ts"

/**
 * Ids of quota plans and schemes, which are also their stream ids: `quota-plan:14:2026`,
 * `quota-plan:14:scheme:2025-2030`. Every caller-given plan id (API body and path, the quota import's `plan`)
 * is checked with `isPlanId`; the system makes new ones with `planStreamId`.
 */
export const planIds = streamIdKind("quota-plan", "Mã kế hoạch", "quota-plan:14:2026")
export const isPlanId = planIds.is
export const planStreamId = planIds.make
/** Input schema of a plan id (400 with a Vietnamese field message when it is not one). */
export const PlanId = planIds.schema
