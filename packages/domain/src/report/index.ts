export {
  InvalidReportIssue,
  issuedReportDecider,
  ReportAlreadyIssued,
  type IssueReport,
  type IssuedReportRejection,
  type IssuedReportState,
} from "./decider.ts"
export {
  ContentHashes,
  eventTypes as issuedReportEventTypes,
  issuedReportStreamType,
  ReportIssued,
  ReportReporter,
  ReportSigner,
  type IssuedReportEvent,
} from "./events.ts"
export { IssuedReportId, issuedReportIds } from "./ids.ts"
