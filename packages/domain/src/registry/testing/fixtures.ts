import {
  AdminUnitCorrected,
  AdminUnitDissolved,
  AdminUnitRecoded,
  AdminUnitRenamed,
  AdminUnitReparented,
  AdminUnitSuccessionCorrected,
} from "../../admin-unit/events.ts"
import { communeBasis, newToHieu, oldToHieuSplit } from "../../admin-unit/testing/fixtures.ts"
import {
  EnterpriseLicensed,
  EnterpriseReinstated,
  EnterpriseRemovedFromVettedList,
  EnterpriseSuspended,
  EnterpriseVetted,
  EnterpriseViolationRecorded,
} from "../../enterprise/events.ts"
import {
  PlanTaskAssigned,
  PlanTaskCompleted,
  PlanTaskProgressReported,
  PlanTaskRecordCorrected,
  PlanTaskVoided,
} from "../../plan-task/events.ts"
import { allocation } from "../../quota-plan/allocation.ts"
import {
  AllocationAmended,
  PlanIssued,
  PlanSuperseded,
  QuotaPlanRecordCorrected,
  QuotaPlanVoided,
  SchemeIssued,
  TargetAmended,
} from "../../quota-plan/events.ts"
import type { Target } from "../../quota-plan/target.ts"
import {
  ReportingObligationRecordCorrected,
  ReportingObligationSet,
  ReportingObligationVoided,
  ReportSubmitted,
} from "../../reporting-obligation/events.ts"
import { ReportIssued } from "../../report/events.ts"
import {
  WorkerContractEndedEarly,
  WorkerCriminalRecordCertificateIssued,
  WorkerDossierConfirmed,
  WorkerFactCorrected,
  WorkerFactVoided,
  WorkerHealthChecked,
  WorkerLoanRecorded,
  WorkerOverstayed,
  WorkerReemploymentSupported,
  WorkerRegistered,
  WorkerResidenceChanged,
  WorkerSelectedByEnterprise,
  WorkerSupportSubsidyGranted,
  WorkerTrainingCompleted,
  WorkerViolationRecorded,
  WorkerWithdrew,
} from "../../worker/events.ts"
import { PersonRegistrationClaimed, PersonRegistrationReleased } from "../../worker/person-registration.ts"
import {
  contracted,
  counselled,
  departed,
  registered,
  registrationData,
  returned,
  sealed,
  WORKER,
} from "../../worker/testing/fixtures.ts"
import { lifecycleFixtures } from "../../worker/testing/lifecycle-fixtures.ts"
import type { DomainEvent, DomainEventType } from "../domain-event.ts"

/** One valid event of every type, keyed by type: the compiler demands an entry for every member of `DomainEvent`. */
export type EventFixtures = { readonly [K in DomainEventType]: Extract<DomainEvent, { readonly _tag: K }> }

const basis = { number: "123/QĐ-UBND", date: "2025-03-01", issuer: "UBND tỉnh Sơn La" }
const draftBasis = { number: "/QĐ-UBND", date: null, issuer: "UBND tỉnh Sơn La", printed: "Số:     /QĐ-UBND" }
const departures: Target = {
  kind: "departures",
  value: 700,
  comparator: "target",
  aggregation: "year",
  byYear: 2026,
  printed: "phấn đấu đưa 700 lao động đi làm việc ở nước ngoài",
}
const rows = [allocation("03646", "Phường Tô Hiệu", "3,46", 24), allocation("03664", "Phường Chiềng An", "2,00", 14)]
const homeAffairs = { kind: "agency" as const, code: "homeAffairsDept", name: "Sở Nội vụ" }
const worker = { workerId: WORKER, occurredOn: "2025-02-01" }

export const eventFixtures: EventFixtures = {
  AdminUnitEstablished: newToHieu,
  AdminUnitRenamed: new AdminUnitRenamed({
    unitId: "w-to-hieu",
    effectiveFrom: "2026-01-01",
    legalBasis: communeBasis,
    name: "Phường Tô Hiệu Mới",
  }),
  AdminUnitRecoded: new AdminUnitRecoded({
    unitId: "w-to-hieu",
    effectiveFrom: "2026-01-01",
    legalBasis: communeBasis,
    code: "03700",
  }),
  AdminUnitReparented: new AdminUnitReparented({
    unitId: "w-to-hieu",
    effectiveFrom: "2026-01-01",
    legalBasis: communeBasis,
    parentId: null,
  }),
  AdminUnitSucceeded: oldToHieuSplit,
  AdminUnitDissolved: new AdminUnitDissolved({
    unitId: "d-old",
    effectiveFrom: "2025-07-01",
    legalBasis: communeBasis,
  }),
  AdminUnitCorrected: new AdminUnitCorrected({
    unitId: "w-to-hieu",
    correctsEventId: "e-1",
    reason: "Sai tên khi nhập",
    periodFrom: "2025-07-01",
    name: "Phường Tô Hiệu",
  }),
  AdminUnitSuccessionCorrected: new AdminUnitSuccessionCorrected({
    unitId: "c-to-hieu",
    correctsEventId: "e-2",
    reason: "Tỷ lệ theo nghị quyết",
    effectiveFrom: "2025-07-01",
    successors: [
      { unitId: "w-to-hieu", share: 0.7, legalText: "một phần diện tích", confidence: "manual:high" },
      { unitId: "w-chieng-an", share: 0.3 },
    ],
    shareBasis: "stated",
    split: true,
  }),

  EnterpriseLicensed: new EnterpriseLicensed({
    enterpriseId: "ent-1",
    occurredOn: "2025-01-05",
    name: "Công ty CP Nhân lực Quốc tế",
    licenceNumber: "456/LĐTBXH-GP",
    licenceDate: "2024-11-20",
  }),
  EnterpriseVetted: new EnterpriseVetted({
    enterpriseId: "ent-1",
    occurredOn: "2025-03-01",
    provinceCode: "14",
    legalBasis: basis,
  }),
  EnterpriseRemovedFromVettedList: new EnterpriseRemovedFromVettedList({
    enterpriseId: "ent-1",
    occurredOn: "2025-09-01",
    provinceCode: "14",
    legalBasis: basis,
    reason: "Không tuyển được lao động",
  }),
  EnterpriseSuspended: new EnterpriseSuspended({
    enterpriseId: "ent-1",
    occurredOn: "2025-06-01",
    reason: "Vi phạm quy định thu phí",
    legalBasis: basis,
    until: "2025-09-01",
  }),
  EnterpriseReinstated: new EnterpriseReinstated({
    enterpriseId: "ent-1",
    occurredOn: "2025-08-01",
    legalBasis: basis,
  }),
  EnterpriseViolationRecorded: new EnterpriseViolationRecorded({
    enterpriseId: "ent-1",
    occurredOn: "2025-05-20",
    description: "Thu phí dịch vụ vượt mức",
    penaltyAmount: 50_000_000,
  }),

  PersonRegistrationClaimed: new PersonRegistrationClaimed({
    provinceCode: "14",
    blindIndex: "b".repeat(64),
    workerId: WORKER,
    occurredOn: "2025-01-10",
  }),
  PersonRegistrationReleased: new PersonRegistrationReleased({
    provinceCode: "14",
    blindIndex: "b".repeat(64),
    workerId: WORKER,
    occurredOn: "2025-01-12",
    reason: "Đăng ký nhầm",
  }),

  PlanTaskAssigned: new PlanTaskAssigned({
    taskId: "task-1",
    planId: "plan-14-2026",
    group: "VIII",
    groupTitle: "Chế độ thông tin, báo cáo",
    number: 3,
    content: "Tổng hợp, báo cáo kết quả thực hiện kế hoạch",
    lead: { printed: "Sở Nội vụ", agencyCodes: ["homeAffairsDept"] },
    coordinating: { printed: "Các cơ quan đơn vị có liên quan", agencyCodes: ["LIEN-QUAN"] },
    timeFrame: { kind: "quarter", year: 2026, quarter: 4, label: "Quý IV/2026" },
    dueDate: "2026-12-31",
  }),
  PlanTaskProgressReported: new PlanTaskProgressReported({
    taskId: "task-1",
    reportedOn: "2026-06-15",
    summary: "Đã tổng hợp báo cáo 6 tháng",
    percentComplete: 50,
  }),
  PlanTaskCompleted: new PlanTaskCompleted({
    taskId: "task-1",
    completedOn: "2026-12-20",
    summary: "Đã báo cáo",
    documentRef: "99/BC-SNV",
  }),
  PlanTaskVoided: new PlanTaskVoided({
    correctsEventId: "e-task",
    reason: "Nhiệm vụ không có trong Phụ lục (nhập trùng)",
    taskId: "task-1",
    voidedOn: "2026-02-01",
  }),
  ReportingObligationVoided: new ReportingObligationVoided({
    correctsEventId: "e-obligation",
    reason: "Văn bản không yêu cầu báo cáo này",
    obligationId: "obligation-1",
    voidedOn: "2026-02-01",
  }),
  PlanTaskRecordCorrected: new PlanTaskRecordCorrected({
    correctsEventId: "e-task",
    reason: "Sai thời hạn",
    taskId: "task-1",
    correctedOn: "2026-02-01",
    timeFrame: { kind: "ongoing", year: 2026, label: "Thường xuyên" },
    dueDate: null,
  }),

  SchemeIssued: new SchemeIssued({
    planId: "scheme-14-2025-2030",
    provinceCode: "14",
    title: "Đề án đưa người lao động đi làm việc ở nước ngoài giai đoạn 2025–2030",
    fromYear: 2025,
    toYear: 2030,
    targets: [{ ...departures, aggregation: "yearly-average", byYear: 2030, value: 1500 }],
    legalBasis: { number: "2553/ĐA-UBND", date: "2025-11-20", issuer: "UBND tỉnh Sơn La" },
  }),
  PlanIssued: new PlanIssued({
    planId: "plan-14-2026",
    schemeId: "scheme-14-2025-2030",
    provinceCode: "14",
    year: 2026,
    title: "Kế hoạch đưa người lao động đi làm việc ở nước ngoài năm 2026",
    targets: [departures],
    allocations: rows,
    printedTotal: 38,
    legalBasis: draftBasis,
  }),
  AllocationAmended: new AllocationAmended({
    planId: "plan-14-2026",
    changes: [allocation("03646", "Phường Tô Hiệu", "4,00", 28)],
    legalBasis: basis,
    effectiveOn: "2026-04-01",
    reason: "Điều chỉnh chỉ tiêu",
  }),
  TargetAmended: new TargetAmended({
    planId: "plan-14-2026",
    target: { ...departures, value: 750 },
    previousValue: 700,
    legalBasis: basis,
    effectiveOn: "2026-04-01",
    reason: "Tăng chỉ tiêu",
  }),
  PlanSuperseded: new PlanSuperseded({
    planId: "plan-14-2026",
    supersededBy: "plan-14-2026-b",
    legalBasis: basis,
    effectiveOn: "2026-05-01",
  }),
  QuotaPlanVoided: new QuotaPlanVoided({
    correctsEventId: "e-plan",
    reason: "Kế hoạch ghi nhầm (trùng với kế hoạch đã có)",
    planId: "plan-14-2026",
    voidedOn: "2026-03-01",
  }),
  QuotaPlanRecordCorrected: new QuotaPlanRecordCorrected({
    correctsEventId: "e-plan",
    reason: "Nhập sai tổng",
    planId: "plan-14-2026",
    correctedOn: "2026-02-01",
    printedTotal: null,
  }),

  ReportingObligationSet: new ReportingObligationSet({
    obligationId: "ob-1",
    provinceCode: "14",
    reporter: { kind: "unit", code: "03646", name: "UBND phường Tô Hiệu" },
    recipient: { kind: "agency", code: "provincialCommittee", name: "UBND tỉnh" },
    via: homeAffairs,
    reportKind: "six-month",
    period: { year: 2026, label: "6 tháng đầu năm 2026" },
    deadline: "2026-06-14",
    deadlineRule: "before",
    deadlinePrinted: "trước ngày 15/6/2026",
    legalBasis: draftBasis,
  }),
  ReportIssued: new ReportIssued({
    reportId: "issued-report:14:2026-H1:03646:1a2b3c4d",
    provinceCode: "14",
    reporter: { kind: "unit", code: "03646", name: "Phường Tô Hiệu" },
    period: "2026-H1",
    asOf: "2026-06-10T03:00:00.000Z",
    documentNumber: "12",
    documentDate: "2026-06-10",
    signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lò Văn Thưởng" },
    difficulties: "Lao động chưa đủ điều kiện ngoại ngữ",
    contentHashes: { docx: "a".repeat(64), xlsx: "b".repeat(64), pdf: "c".repeat(64), json: "d".repeat(64) },
    obligationId: "reporting-obligation:14:2026:six-month:03646",
  }),
  ReportSubmitted: new ReportSubmitted({
    obligationId: "ob-1",
    submittedOn: "2026-06-10",
    documentRef: { number: "12/BC-UBND", date: "2026-06-10" },
    submittedBy: "UBND phường Tô Hiệu",
  }),
  ReportingObligationRecordCorrected: new ReportingObligationRecordCorrected({
    correctsEventId: "e-sub",
    reason: "Nộp nhầm",
    obligationId: "ob-1",
    correctedOn: "2026-06-20",
    voidsSubmission: true,
  }),

  WorkerRegistered: registered,
  WorkerResidenceChanged: new WorkerResidenceChanged({
    ...worker,
    eventId: "e-move",
    residenceUnitCode: "03664",
    residenceUnitId: "w-chieng-an",
  }),
  WorkerCounselled: counselled,
  WorkerTrainingCompleted: new WorkerTrainingCompleted({
    ...worker,
    eventId: "e-train",
    kind: "language",
    provider: "Trường Cao đẳng Sơn La",
  }),
  WorkerHealthChecked: new WorkerHealthChecked({
    ...worker,
    eventId: "e-health",
    provider: "Bệnh viện tỉnh",
    sensitive: sealed("health"),
  }),
  WorkerCriminalRecordCertificateIssued: new WorkerCriminalRecordCertificateIssued({
    ...worker,
    eventId: "e-record",
    issuer: "Sở Tư pháp",
    sensitive: sealed("record"),
  }),
  WorkerDossierConfirmed: new WorkerDossierConfirmed({ ...worker, eventId: "e-dossier" }),
  WorkerSelectedByEnterprise: new WorkerSelectedByEnterprise({ ...worker, eventId: "e-select", enterpriseId: "ent-1" }),
  WorkerContractSigned: contracted(),
  WorkerLoanRecorded: new WorkerLoanRecorded({
    ...worker,
    eventId: "e-loan",
    loanId: "loan-1",
    bank: "NHCSXH Sơn La",
    amount: 100_000_000,
    status: "approved",
  }),
  WorkerSupportSubsidyGranted: new WorkerSupportSubsidyGranted({
    ...worker,
    eventId: "e-subsidy",
    policy: "CTMTQG 1719",
    amount: 5_000_000,
    legalBasis: basis,
  }),
  WorkerDeparted: departed(),
  WorkerContractEndedEarly: new WorkerContractEndedEarly({
    ...worker,
    occurredOn: "2026-01-10",
    eventId: "e-end",
    reason: "Doanh nghiệp phá sản",
  }),
  WorkerReturned: returned(),
  WorkerOverstayed: new WorkerOverstayed({
    ...worker,
    occurredOn: "2028-05-01",
    eventId: "e-overstay",
    source: "Đại sứ quán",
  }),
  WorkerViolationRecorded: new WorkerViolationRecorded({
    ...worker,
    occurredOn: "2026-02-01",
    eventId: "e-violation",
    category: "leftWorkplace",
    sensitive: sealed("violation"),
  }),
  WorkerReemploymentSupported: new WorkerReemploymentSupported({
    ...worker,
    occurredOn: "2026-06-01",
    eventId: "e-reemploy",
    kind: "domesticJob",
    provider: "Trung tâm Dịch vụ việc làm Sơn La",
  }),
  WorkerWithdrew: new WorkerWithdrew({ ...worker, eventId: "e-withdraw", stage: "training", reason: "Lý do gia đình" }),
  ...lifecycleFixtures,
  WorkerFactCorrected: new WorkerFactCorrected({
    ...worker,
    eventId: "e-fix",
    correctsEventId: "e-reg",
    reason: "Sai năm sinh",
    replacement: new WorkerRegistered({ ...registrationData, birthYear: 1999, sensitive: sealed("sensitive") }),
  }),
  WorkerFactVoided: new WorkerFactVoided({
    ...worker,
    eventId: "e-void",
    correctsEventId: "e-counsel",
    reason: "Ghi nhầm người",
  }),
}

/** The fixtures as a list, in registry-independent order. */
export const allEventFixtures: ReadonlyArray<DomainEvent> = Object.values(eventFixtures)
