import { PersonalData } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import type { ReadModels } from "@xkld/projections"
import type { Context as HonoContext } from "hono"
import type { Actor } from "./access/actor.ts"
import type { AppConfig } from "./config.ts"
import { DbKeyRing } from "./personal-data/db-key-ring.ts"

/** A signed-in session: the actor and the CSRF token its cookie-authenticated writes must echo. */
export interface Session {
  readonly actor: Actor
  readonly csrfToken: string
}

/** Everything a route may use. Built once at start and passed to the routes (ADR 0015: no Effect runtime). */
export interface AppServices {
  readonly config: AppConfig
  readonly log: EventLog
  readonly models: ReadModels
  readonly keyRing: DbKeyRing
  readonly indexKey: Buffer
  /** Resolves the session of a request (cookie), or undefined. Provided by the auth module. */
  readonly authenticate: (c: HonoContext) => Promise<Session | undefined>
}

export const masterKeyOf = (config: AppConfig) => PersonalData.masterKeyFromBase64("config", config.masterKey)
