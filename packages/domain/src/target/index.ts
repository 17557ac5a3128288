export * from "./definitions.ts"
export * from "./territory.ts"
