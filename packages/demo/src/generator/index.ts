export { generateHistory, summarise, type HistorySummary } from "./history.ts"
export type {
  GeneratedActor,
  GeneratedAppend,
  GeneratedEvent,
  GenerateHistoryOptions,
  GeneratorProvince,
} from "./types.ts"
export { generatedPersonKey, keysFromSeed, type GeneratorKeys } from "./keys.ts"
export { Rng, dayOf, isoOf } from "./random.ts"
export {
  generateName,
  pickEthnicGroup,
  ethnicShares,
  ethnicGroups,
  type EthnicGroup,
  type GeneratedName,
} from "./names.ts"
