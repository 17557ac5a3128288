import {
  WorkerAssessed,
  WorkerLegalCounselled,
  WorkerLoanFileConfirmed,
  WorkerPassportIssued,
  WorkerPersonalDataErased,
  WorkerDeathOrMissingReported,
  WorkerProtectionCaseOpened,
  WorkerProtectionCaseResolved,
  WorkerReintegrationAssessed,
  WorkerResidenceAssigned,
  WorkerReturneeNotified,
  WorkerSubsidyAppraised,
  WorkerSubsidyDecided,
  WorkerSubsidyPaid,
  WorkerVisaIssued,
} from "../events.ts"
import { sealed, WORKER } from "./fixtures.ts"

const worker = { workerId: WORKER, occurredOn: "2025-02-01" }

/** One event of each lifecycle stage added by issue 9, for the registry's catalogue and round-trip tests. */
export const lifecycleFixtures = {
  WorkerLegalCounselled: new WorkerLegalCounselled({
    ...worker,
    eventId: "e-legal",
    provider: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Sơn La",
  }),
  WorkerLoanFileConfirmed: new WorkerLoanFileConfirmed({
    ...worker,
    eventId: "e-loan-file",
    loanId: "loan-1",
    bank: "NHCSXH Sơn La",
  }),
  WorkerAssessed: new WorkerAssessed({
    ...worker,
    eventId: "e-eps",
    assessment: "epsKoreanTest",
    outcome: "passed",
    organiser: "Trung tâm Lao động ngoài nước",
  }),
  WorkerPassportIssued: new WorkerPassportIssued({
    ...worker,
    eventId: "e-passport",
    validUntil: "2035-02-01",
    sensitive: sealed("passport"),
  }),
  WorkerVisaIssued: new WorkerVisaIssued({ ...worker, eventId: "e-visa", country: "KR", validUntil: "2028-02-01" }),
  WorkerSubsidyAppraised: new WorkerSubsidyAppraised({
    ...worker,
    eventId: "e-appraise",
    subsidyId: "sub-1",
    policyCode: "ctmtqg-dtts-mn",
    fundingSourceCode: "ctmtqg-dtts-mn",
    amount: 5_000_000,
  }),
  WorkerSubsidyDecided: new WorkerSubsidyDecided({
    ...worker,
    eventId: "e-decide",
    subsidyId: "sub-1",
    approved: true,
    amount: 5_000_000,
    decisionNumber: "15/QĐ-UBND",
  }),
  WorkerSubsidyPaid: new WorkerSubsidyPaid({ ...worker, eventId: "e-pay", subsidyId: "sub-1", amount: 5_000_000 }),
  WorkerProtectionCaseOpened: new WorkerProtectionCaseOpened({
    ...worker,
    eventId: "e-case",
    caseId: "case-1",
    category: "wageDispute",
    sensitive: sealed("case"),
  }),
  WorkerProtectionCaseResolved: new WorkerProtectionCaseResolved({
    ...worker,
    eventId: "e-case-end",
    caseId: "case-1",
    resolution: "Doanh nghiệp đã trả đủ lương",
  }),
  WorkerDeathOrMissingReported: new WorkerDeathOrMissingReported({
    ...worker,
    eventId: "e-death",
    status: "deceased",
    country: "KR",
    source: "Đại sứ quán Việt Nam tại Hàn Quốc",
    protectionCaseId: "case-1",
    sensitive: sealed("note"),
  }),
  WorkerReturneeNotified: new WorkerReturneeNotified({ ...worker, eventId: "e-notice", recipient: "police" }),
  WorkerReintegrationAssessed: new WorkerReintegrationAssessed({
    ...worker,
    eventId: "e-reintegrate",
    outcome: "employedDomestically",
  }),
  WorkerPersonalDataErased: new WorkerPersonalDataErased({
    ...worker,
    eventId: "e-erase",
    keyId: "key-1",
    legalBasis: {
      number: "91/2025/QH15",
      date: "2025-06-26",
      issuer: "Quốc hội",
      title: "Luật Bảo vệ dữ liệu cá nhân",
    },
    reason: "Yêu cầu xóa dữ liệu của chủ thể dữ liệu",
  }),
  WorkerResidenceAssigned: new WorkerResidenceAssigned({
    ...worker,
    occurredOn: "2025-07-01",
    eventId: "e-assign",
    residenceUnitCode: "04078",
    residenceUnitId: "u-04078",
    reason: "Bản của người lao động thuộc xã Chiềng Hặc mới",
  }),
}
