import type { Migration, MigrationProvider } from "kysely/migration"
import * as eventLog from "./0001-event-log.ts"
import * as appendFunction from "./0002-append-function.ts"
import * as immutability from "./0003-immutability.ts"
import * as applicationRole from "./0004-application-role.ts"
import * as fasterAppend from "./0005-faster-append.ts"
import * as streamTypeGuard from "./0006-stream-type-guard.ts"
import * as applicationRoleLogin from "./0007-application-role-login.ts"
import * as appendBatch from "./0008-append-batch.ts"

/** Versioned migrations of the event store, in order. Never edit a released one: add the next. */
export const eventStoreMigrations: Record<string, Migration> = {
  "0001-event-log": eventLog,
  "0002-append-function": appendFunction,
  "0003-immutability": immutability,
  "0004-application-role": applicationRole,
  "0005-faster-append": fasterAppend,
  "0006-stream-type-guard": streamTypeGuard,
  "0007-application-role-login": applicationRoleLogin,
  "0008-append-batch": appendBatch,
}

export const staticProvider = (migrations: Record<string, Migration>): MigrationProvider => ({
  getMigrations: async () => migrations,
})
