import { PersonalData } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import type { ReadModels } from "@xkld/projections"
import { Context, Layer, ManagedRuntime } from "effect"
import type { Context as HonoContext } from "hono"
import type { Actor } from "./access/actor.ts"
import type { AppConfig } from "./config.ts"
import { DbKeyRing } from "./personal-data/db-key-ring.ts"

/** A signed-in session: the actor and the CSRF token its cookie-authenticated writes must echo. */
export interface Session {
  readonly actor: Actor
  readonly csrfToken: string
}

/** Everything a route may use. Built once at start; one Effect runtime carries it (see `runtime`). */
export interface AppServices {
  readonly config: AppConfig
  readonly log: EventLog
  readonly models: ReadModels
  readonly keyRing: DbKeyRing
  readonly indexKey: Buffer
  /** Resolves the session of a request (cookie), or undefined. Provided by the auth module. */
  readonly authenticate: (c: HonoContext) => Promise<Session | undefined>
}

/** The app's services as an Effect service, so handlers written as Effects can `yield* App`. */
export class App extends Context.Service<App, AppServices>()("@xkld/api/App") {}

export const makeRuntime = (services: AppServices) => ManagedRuntime.make(Layer.succeed(App, services))
export type AppRuntime = ReturnType<typeof makeRuntime>

export const masterKeyOf = (config: AppConfig) => PersonalData.masterKeyFromBase64("config", config.masterKey)
