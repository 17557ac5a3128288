export { Allocation, allocation, allocationProblem } from "./allocation.ts"
export {
  apportion,
  type ApportionedQuota,
  type ApportionmentMethod,
  type ApportionShare,
  type Apportionment,
} from "./apportion.ts"
export type * from "./commands.ts"
export { consistency, type PlanConsistency, type RoundingMismatch } from "./consistency.ts"
export { quotaPlanDecider } from "./decider.ts"
export {
  AllocationAmended,
  eventTypes as quotaPlanEventTypes,
  PlanIssued,
  PlanSuperseded,
  QuotaPlanRecordCorrected,
  QuotaPlanVoided,
  quotaPlanStreamType,
  SchemeIssued,
  TargetAmended,
  type QuotaPlanEvent,
} from "./events.ts"
export { type ExactDecimal, parsePrintedDecimal } from "./printed-decimal.ts"
export { isPlaceholderBasis, PrintedLegalBasis } from "./printed-legal-basis.ts"
export * from "./rejections.ts"
export type * from "./state.ts"
export {
  departureTarget,
  isPercentKind,
  sameTarget,
  Target,
  TargetAggregation,
  TargetComparator,
  TargetKind,
  targetProblem,
} from "./target.ts"
export * from "./data/lai-chau-directive-20.ts"
export * from "./data/lao-cai-2025.ts"
export * from "./data/seed-event.ts"
export * from "./data/seed-events.ts"
export * from "./data/son-la-2026.ts"
export * from "./ids.ts"
