export * from "./shared/decider.ts"
export * from "./shared/values.ts"
export * from "./shared/correction.ts"
export type * from "./shared/event-type.ts"
