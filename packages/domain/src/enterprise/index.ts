export {
  ENTERPRISE_STREAM_TYPE,
  enterpriseStreamId,
  EnterpriseLicensed,
  EnterpriseVetted,
  EnterpriseRemovedFromVettedList,
  EnterpriseSuspended,
  EnterpriseReinstated,
  EnterpriseViolationRecorded,
  EnterpriseEvent,
  eventTypes,
} from "./events.ts"
export * from "./commands.ts"
export * from "./rejections.ts"
export * from "./state.ts"
export { enterpriseDecider } from "./decider.ts"
