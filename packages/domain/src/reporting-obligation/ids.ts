import { streamIdKind } from "../shared/stream-id.ts"

/** Ids of reporting obligations, which are also their stream ids: `reporting-obligation:14:2026:annual:SO-NGANH`. */
export const obligationIds = streamIdKind(
  "reporting-obligation",
  "Mã nghĩa vụ báo cáo",
  "reporting-obligation:14:2026:annual:SO-NGANH",
)
export const isObligationId = obligationIds.is
export const obligationStreamId = obligationIds.make
/** Input schema of an obligation id (400 with a Vietnamese field message when it is not one). */
export const ObligationId = obligationIds.schema
