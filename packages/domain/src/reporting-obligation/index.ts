export type * from "./commands.ts"
export { reportingObligationDecider } from "./decider.ts"
export {
  DeadlineRule,
  DocumentRef as ReportDocumentRef,
  eventTypes as reportingObligationEventTypes,
  ReportingObligationRecordCorrected,
  ReportingObligationVoided,
  ReportingObligationSet,
  reportingObligationStreamType,
  ReportingPeriod,
  Sha256 as ReportSha256,
  SubmittedFigure,
  ReportKind,
  ReportSubmitted,
  type ReportingObligationEvent,
} from "./events.ts"
export { Party as ReportingParty } from "./party.ts"
export * from "./rejections.ts"
export type * from "./state.ts"
export { lastOnTimeDay, submissionStatus, type SubmissionStatus } from "./submission-status.ts"
export * from "./data/lao-cai-2025.ts"
export * from "./data/seed-events.ts"
export * from "./data/son-la-2023.ts"
export * from "./data/son-la-2026.ts"
export * from "./ids.ts"
