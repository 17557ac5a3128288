// @xkld/demo: the deterministic history generator, the loader of the demo province and its accounts. The API
// (demo mode), the read models' tests and the benchmarks use it; the domain package knows nothing of it.

export * as Generator from "./generator/index.ts"
export { DEMO_PASSWORD, demoAccounts, NATIONAL_PROVINCE_CODE, type DemoAccount } from "./accounts.ts"
export { DEMO_SEED, demoEventsFromEnv, loadDemo, OTHER_PROVINCES_SHARE, type DemoTarget } from "./load.ts"
export { appendRequestOf, mergeByRecordedAt, recordHistory } from "./record-history.ts"
export type { GeneratedAppend } from "./generator/index.ts"
export { demoSeedRecordedAt, recordSeedDocuments, type ToStoreRecords } from "./record-seed-documents.ts"
