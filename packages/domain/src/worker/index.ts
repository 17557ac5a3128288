export * from "./values.ts"
export * from "./personal-payloads.ts"
export {
  WORKER_STREAM_TYPE,
  workerStreamId,
  WorkerRegistered,
  WorkerResidenceChanged,
  WorkerResidenceAssigned,
  WorkerCounselled,
  WorkerTrainingCompleted,
  WorkerHealthChecked,
  WorkerCriminalRecordCertificateIssued,
  WorkerDossierConfirmed,
  WorkerSelectedByEnterprise,
  WorkerContractSigned,
  WorkerLoanRecorded,
  WorkerSupportSubsidyGranted,
  WorkerDeparted,
  WorkerContractEndedEarly,
  WorkerReturned,
  WorkerOverstayed,
  WorkerViolationRecorded,
  WorkerReemploymentSupported,
  WorkerWithdrew,
  WorkerLegalCounselled,
  WorkerLoanFileConfirmed,
  WorkerAssessed,
  WorkerPassportIssued,
  WorkerVisaIssued,
  WorkerSubsidyAppraised,
  WorkerSubsidyDecided,
  WorkerSubsidyPaid,
  WorkerProtectionCaseOpened,
  WorkerProtectionCaseResolved,
  WorkerReturneeNotified,
  WorkerReintegrationAssessed,
  WorkerDeathOrMissingReported,
  WorkerFact,
  WorkerFactCorrected,
  WorkerFactVoided,
  WorkerPersonalDataErased,
  WorkerEvent,
  upcastWorkerRegisteredV1,
  eventTypes,
} from "./events.ts"
export * from "./commands.ts"
export * from "./rejections.ts"
export * from "./state.ts"
export { admitFact, ageOn, MINIMUM_DEPARTURE_AGE, type AdmitContext, type FactCandidate } from "./rules.ts"
export { findTarget, workerDecider } from "./decider.ts"
export {
  commandFor,
  replacementFor,
  workerFacts,
  type FactRecording,
  type RecordedFactTag,
  type Recorder,
} from "./facts.ts"
export * as OfficerInput from "./officer-input.ts"
export * from "./departures.ts"
export * from "./person-registration.ts"
export * from "./registration-input.ts"
export { dateVi, factLabelVi } from "./messages.ts"
