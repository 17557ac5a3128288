import type { Migration, MigrationProvider } from "kysely/migration"
import * as eventLog from "./0001-event-log.ts"
import * as appendFunction from "./0002-append-function.ts"
import * as immutability from "./0003-immutability.ts"
import * as applicationRole from "./0004-application-role.ts"
import * as fasterAppend from "./0005-faster-append.ts"

/** Versioned migrations of the event store, in order. Never edit a released one: add the next. */
export const eventStoreMigrations: Record<string, Migration> = {
  "0001-event-log": eventLog,
  "0002-append-function": appendFunction,
  "0003-immutability": immutability,
  "0004-application-role": applicationRole,
  "0005-faster-append": fasterAppend,
}

export const staticProvider = (migrations: Record<string, Migration>): MigrationProvider => ({
  getMigrations: async () => migrations,
})
