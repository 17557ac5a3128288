import { Context, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import type { AppendRequest } from "./append.ts"
import { StoreFailure, type AppendError } from "./errors.ts"
import { openEventLog, type EventLog, type EventLogOptions } from "./event-log.ts"
import { openDatabase, type DatabaseConfig } from "./open.ts"
import type { ReadAllOptions, ReadStreamOptions } from "./read.ts"
import type { Seal } from "./tamper/seal.ts"
import type { VerifyReport } from "./tamper/verify.ts"
import type { AppendResult, RecordedEvent } from "./types.ts"

const attempt = <A>(operation: string, run: () => Promise<A>) =>
  Effect.tryPromise({ try: run, catch: (cause) => new StoreFailure({ operation, cause }) })

/** The event store as an Effect service; one layer per backend. */
export class EventStore extends Context.Service<
  EventStore,
  {
    readonly log: EventLog
    readonly append: (request: AppendRequest, trx?: Kysely<any>) => Effect.Effect<AppendResult, AppendError>
    readonly readStream: (
      streamId: string,
      options?: ReadStreamOptions,
    ) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreFailure>
    readonly readAllBatch: (options?: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreFailure>
    readonly count: Effect.Effect<number, StoreFailure>
    readonly seal: Effect.Effect<Seal | undefined, StoreFailure>
    readonly verify: Effect.Effect<VerifyReport, StoreFailure>
  }
>()("@xkld/event-store/EventStore") {
  static readonly fromLog = (log: EventLog) =>
    EventStore.of({
      log,
      append: (request, trx) =>
        attempt("append", () => log.append(request, trx)).pipe(
          Effect.flatMap((outcome) => (outcome.ok ? Effect.succeed(outcome.result) : Effect.fail(outcome.error))),
        ),
      readStream: (streamId, options) => attempt("readStream", () => log.readStream(streamId, options)),
      readAllBatch: (options) => attempt("readAll", () => log.readAllBatch(options)),
      count: attempt("count", () => log.count()),
      seal: attempt("seal", () => log.seal()),
      verify: attempt("verify", () => log.verify()),
    })

  /** Opens the backend named by the config (PostgreSQL when `databaseUrl` is set) and closes it with the scope. */
  static readonly layer = (config: DatabaseConfig & EventLogOptions) =>
    Layer.effect(
      EventStore,
      Effect.acquireRelease(
        attempt("open", async () => openEventLog(await openDatabase(config), config)),
        (log) => Effect.promise(() => log.close()),
      ).pipe(Effect.map(EventStore.fromLog)),
    )

  static readonly layerPglite = (options: { dataDir?: string } & EventLogOptions = {}) => EventStore.layer(options)
  static readonly layerPostgres = (databaseUrl: string, options: EventLogOptions = {}) =>
    EventStore.layer({ ...options, databaseUrl })
}
