import { streamIdKind } from "../shared/stream-id.ts"

/** Ids of issued reports, which are also their stream ids: `issued-report:14:2026-H1:03646:1a2b3c4d`. */
export const issuedReportIds = streamIdKind(
  "issued-report",
  "Mã báo cáo đã ban hành",
  "issued-report:14:2026-H1:03646:1a2b3c4d",
)
export const IssuedReportId = issuedReportIds.schema
