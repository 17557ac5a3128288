import { decodeEvent, UnknownStreamEvent, type Decider, type DomainEvent, type LegalBasis } from "@xkld/domain"
import type { AppendRequest, AppendResult, EventMetadata, NewEvent, RecordedEvent } from "@xkld/event-store"
import { toStoreRecords } from "@xkld/projections"
import { Result } from "effect"
import type { Kysely } from "kysely"
import { actorMetadata, type Actor } from "../access/actor.ts"
import { fail, type ProblemError } from "../http/problem.ts"
import type { AppServices } from "../services.ts"
import { previousAnswer, rememberAnswer, requestHash } from "./idempotency.ts"
import { newEventId, type RequestContext } from "./request.ts"

/**
 * The application layer's command pipeline, used by every writer (routes, imports; the demo loader and the CLI
 * wrap their events with the same `toStoreRecords`): load the stream once → authorise once → check the version
 * the client saw → decide once → wrap the events into store records → append with the expected version → apply
 * the read models inline. Its answer is a `Result`: a rejection is the domain's tagged value (or the store's),
 * turned into a problem by the route edge (`http/to-problem.ts`).
 */
export interface CommandOptions<C, S, E, R> {
  readonly streamId: string
  readonly streamType: string
  readonly decider: Decider<C, S, E, R>
  /** The stream as the caller already read it (with `loadAggregate`): then it is not read again. */
  readonly loaded?: { readonly state: S; readonly version: number } | undefined
  /**
   * Checked against the state before anything else (jurisdiction, existence); its failure (a problem) is the
   * command's, returned as a value.
   */
  readonly authorise?: (
    state: S,
    version: number,
  ) => Result.Result<void, CommandFailure> | Promise<Result.Result<void, CommandFailure>>
  /** The command, possibly built from the current state once authorised (e.g. with a date of birth read). */
  readonly command: C | ((state: S, version: number) => C | Promise<C>)
  /**
   * What the decider said the command still needs, supplied (e.g. `DateOfBirthRequired`: the date of birth,
   * decrypted only once every other rule let the command through); the completed command is decided instead.
   * Undefined: the rejection stands.
   */
  readonly supply?: ((rejection: R, command: C, state: S) => Promise<C | undefined>) | undefined
  /** Whom the records name as actor (a commune officer of several communes records for the worker's one). */
  readonly recordAs?: ((state: S) => Actor | Promise<Actor>) | undefined
  readonly legalBasis?: LegalBasis | undefined
  readonly source?: EventMetadata["source"]
  /** Worker events carry their own event id (so corrections can name them): use it as the log's. */
  readonly eventIdOf?: (event: E, index: number) => string | undefined
  /** Append in the caller's transaction (an import's rows, all or nothing); default: a transaction of its own. */
  readonly transaction?: Kysely<any> | undefined
  /** Business time of a record; default: the event's `occurredOn` (an import's plan: its decision's date). */
  readonly occurredAtOf?: ((event: E) => Date) | undefined
}

export interface CommandResult<S> {
  readonly streamId: string
  /** The stream's version after the command: send it back as `If-Match` next time. */
  readonly version: number
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>
  readonly state: S
  /** True when the log already held these events (the same ids): nothing new was written. */
  readonly duplicate: boolean
}

/**
 * What a command can be refused with, as a value: the domain's rejection, a version conflict, the store's, or a
 * problem already worded for the edge (e.g. the duplicate-person conflict).
 */
export type CommandFailure = { readonly _tag: string } | ProblemError

/**
 * Folds a stream's recorded events with a decider's `evolve` (events decoded and upcast by the registry). An
 * event of another kind in the stream is thrown as `UnknownStreamEvent` naming the stream (a 409 problem).
 */
export function foldAggregate<S, E>(
  streamId: string,
  recorded: ReadonlyArray<RecordedEvent>,
  decider: { initialState: S; evolve: (s: S, e: E) => S },
): { state: S; version: number } {
  let state = decider.initialState
  let version = 0
  for (const event of recorded) {
    const decoded = decodeEvent(event.type, event.schemaVersion, event.data)
    if (Result.isFailure(decoded)) throw decoded.failure
    try {
      state = decider.evolve(state, decoded.success as E)
    } catch (error) {
      throw error instanceof UnknownStreamEvent ? error.inStream(streamId) : error
    }
    version = event.streamPosition
  }
  return { state, version }
}

/** Reads a stream and folds it (see `foldAggregate`). */
export async function loadAggregate<S, E>(
  services: AppServices,
  streamId: string,
  decider: { initialState: S; evolve: (s: S, e: E) => S },
): Promise<{ state: S; version: number }> {
  return foldAggregate(streamId, await services.log.readStream(streamId), decider)
}

/** The version conflict, as the store reports it (a 409 with the current version). */
export const wrongVersion = (actualVersion: number, streamId: string) =>
  Object.assign(new Error("wrong expected version"), { _tag: "WrongExpectedVersion", actualVersion, streamId })

/**
 * The one `If-Match` check: the version the client saw against the stream as loaded. Called once the actor is
 * authorised (a 409 carries the current version: it must not tell an outsider that a record exists).
 */
export function checkExpectedVersion(
  request: RequestContext,
  streamId: string,
  version: number,
): Result.Result<void, CommandFailure> {
  if (Result.isFailure(request.expectedVersion)) throw request.expectedVersion.failure
  const expected = request.expectedVersion.success
  return expected !== undefined && expected !== version
    ? Result.fail(wrongVersion(version, streamId))
    : Result.succeed(undefined)
}

/** The metadata of one command's records: who, which command, under which legal basis, from where. */
export const commandMetadata = (
  request: RequestContext,
  options: {
    readonly actor?: Actor | undefined
    readonly legalBasis?: LegalBasis | undefined
    readonly source?: EventMetadata["source"] | undefined
  } = {},
): EventMetadata => ({
  actor: actorMetadata(options.actor ?? request.actor),
  commandId: request.commandId,
  correlationId: request.correlationId,
  ...(options.legalBasis ? { legalBasis: options.legalBasis } : {}),
  source: options.source ?? { kind: "api", requestId: request.requestId },
})

/** A request's domain events as store records (ids from the events, or from the Idempotency-Key by slot). */
export const requestRecords = (
  request: RequestContext,
  events: ReadonlyArray<DomainEvent>,
  eventIdOf: (event: DomainEvent, index: number) => string | undefined = () => undefined,
  metadata: EventMetadata = commandMetadata(request),
): NewEvent[] => toStoreRecords(events, metadata, { eventIdOf: (e, i) => eventIdOf(e, i) ?? newEventId(request, i) })

/** A command's answer built from its result (e.g. with the read model's row); a failure stays as it is. */
export const answerWith = async <A, B, F>(
  result: Result.Result<A, F>,
  answer: (a: A) => B | Promise<B>,
): Promise<Result.Result<B, F>> =>
  Result.isFailure(result) ? Result.fail(result.failure) : Result.succeed(await answer(result.success))

/**
 * The usual answer to a command on a planning record: its id, the new version (the next `If-Match`), the events
 * written and, under `key`, the record as the read model now holds it (applied inline, so it is up to date).
 */
export const answerWithRecord = <S, K extends string, V, F>(
  result: Result.Result<CommandResult<S>, F>,
  id: string,
  key: K,
  record: () => Promise<V>,
) =>
  answerWith(
    result,
    async (done) =>
      ({ id, version: done.version, events: done.events, [key]: await record() }) as {
        readonly id: string
        readonly version: number
        readonly events: CommandResult<S>["events"]
      } & Record<K, V>,
  )

/** One stream's command, decided but not yet appended: its append and the state once it is. */
export interface DecidedCommand<S> {
  readonly append: AppendRequest
  /** The stream's version as loaded (the answer's version when there is nothing to append). */
  readonly loadedVersion: number
  readonly state: S
}

/**
 * The pipeline up to the records: load the stream once → authorise → `If-Match` (unless `checkIfMatch` is false:
 * a stream the client never saw, like a person's claim) → decide (and supply) → the store records.
 */
export async function decideCommand<C, S, E extends DomainEvent, R>(
  services: AppServices,
  request: RequestContext,
  options: CommandOptions<C, S, E, R> & { readonly checkIfMatch?: boolean },
): Promise<Result.Result<DecidedCommand<S>, CommandFailure>> {
  const { state, version } = options.loaded ?? (await loadAggregate(services, options.streamId, options.decider))
  const authorised = await options.authorise?.(state, version)
  if (authorised && Result.isFailure(authorised)) return Result.fail(authorised.failure)
  if (options.checkIfMatch !== false) {
    const versionChecked = checkExpectedVersion(request, options.streamId, version)
    if (Result.isFailure(versionChecked)) return Result.fail(versionChecked.failure)
  }
  const command =
    typeof options.command === "function"
      ? await (options.command as (s: S, v: number) => C | Promise<C>)(state, version)
      : options.command
  let decided = options.decider.decide(command, state)
  if (Result.isFailure(decided) && options.supply) {
    const completed = await options.supply(decided.failure, command, state)
    if (completed !== undefined) decided = options.decider.decide(completed, state)
  }
  if (Result.isFailure(decided)) return Result.fail(decided.failure as CommandFailure)
  const append = (events: NewEvent[]): Result.Result<DecidedCommand<S>, CommandFailure> =>
    Result.succeed({
      append: {
        streamId: options.streamId,
        streamType: options.streamType,
        expectedVersion: version === 0 ? "no_stream" : version,
        events,
      },
      loadedVersion: version,
      state: decided.success.reduce(options.decider.evolve, state),
    })
  if (decided.success.length === 0) return append([])
  const metadata = commandMetadata(request, {
    actor: await options.recordAs?.(state),
    legalBasis: options.legalBasis,
    source: options.source,
  })
  const eventIdOf = options.eventIdOf as ((e: DomainEvent, i: number) => string | undefined) | undefined
  return append(
    toStoreRecords(decided.success, metadata, {
      eventIdOf: (e, i) => eventIdOf?.(e, i) ?? newEventId(request, i),
      occurredAtOf: options.occurredAtOf as ((e: DomainEvent) => Date) | undefined,
    }),
  )
}

/**
 * Appends decided commands in order, read models applied inline, in ONE transaction (the caller's, or one of its
 * own): all or nothing. `before` runs first in that transaction (e.g. storing a person key). Steps with nothing to
 * append are skipped (their result is undefined). The store's refusal is the failure, nothing is written.
 */
export async function appendDecided(
  services: AppServices,
  steps: ReadonlyArray<DecidedCommand<unknown>>,
  options: {
    readonly transaction?: Kysely<any> | undefined
    readonly before?: ((trx: Kysely<any>) => Promise<void>) | undefined
  } = {},
): Promise<Result.Result<ReadonlyArray<AppendResult | undefined>, CommandFailure>> {
  const runner = services.models.runner
  const pending = steps.filter((s) => s.append.events.length > 0)
  if (pending.length === 1 && !options.before) {
    const outcome = await runner.appendInline(pending[0]!.append, options.transaction)
    if (!outcome.ok) return Result.fail(outcome.error as CommandFailure)
    return Result.succeed(steps.map((s) => (s === pending[0] ? outcome.result : undefined)))
  }
  const refused = class extends Error {
    readonly failure: CommandFailure
    constructor(failure: CommandFailure) {
      super("append refused")
      this.failure = failure
    }
  }
  const all = async (trx: Kysely<any>) => {
    await options.before?.(trx)
    const done: Array<AppendResult | undefined> = []
    for (const step of steps) {
      if (step.append.events.length === 0) {
        done.push(undefined)
        continue
      }
      const outcome = await runner.appendInline(step.append, trx)
      if (!outcome.ok) throw new refused(outcome.error as CommandFailure)
      done.push(outcome.result)
    }
    return done
  }
  try {
    if (options.transaction) return Result.succeed(await all(options.transaction))
    const done = await services.log.database.db.transaction().execute(all)
    runner.wake()
    return Result.succeed(done)
  } catch (error) {
    if (error instanceof refused) return Result.fail(error.failure)
    throw error
  }
}

/** A decided command's answer once appended (`appended` undefined: there was nothing to append). */
export const commandResult = <S>(step: DecidedCommand<S>, appended: AppendResult | undefined): CommandResult<S> => ({
  streamId: step.append.streamId,
  version: appended?.nextExpectedVersion ?? step.loadedVersion,
  events: step.append.events.map((e) => ({ eventId: e.eventId, type: e.type })),
  state: step.state,
  duplicate: appended?.duplicate ?? false,
})

/** Runs one command against one aggregate (see `CommandOptions`): decided, then appended. */
export async function executeCommand<C, S, E extends DomainEvent, R>(
  services: AppServices,
  request: RequestContext,
  options: CommandOptions<C, S, E, R>,
): Promise<Result.Result<CommandResult<S>, CommandFailure>> {
  const decided = await decideCommand(services, request, options)
  if (Result.isFailure(decided)) return Result.fail(decided.failure)
  const step = decided.success
  if (step.append.events.length === 0) return Result.succeed(commandResult(step, undefined))
  const appended = await appendDecided(services, [step], { transaction: options.transaction })
  if (Result.isFailure(appended)) return Result.fail(appended.failure)
  return Result.succeed(commandResult(step, appended.success[0]))
}

/**
 * `Idempotency-Key`, applied by the route edge to every route that declares `idempotent`: a retry returns the
 * first answer and writes nothing. Only a success is remembered.
 */
export async function idempotent<A, F>(
  services: AppServices,
  request: RequestContext,
  body: unknown,
  run: () => Promise<Result.Result<A, F>>,
): Promise<Result.Result<A, F>> {
  const key = request.idempotencyKey
  if (!key) return run()
  if (key.length > 200)
    throw fail("validation", "Idempotency-Key quá dài (tối đa 200 ký tự).", "Idempotency-Key too long (max 200).")
  const hash = requestHash(request.method, request.path, body)
  const db = services.log.database.db
  const previous = await previousAnswer(db, request.actor.userId, key, hash)
  if (previous) return Result.succeed(previous.body as A)
  const answer = await run()
  if (Result.isSuccess(answer))
    await rememberAnswer(db, request.actor.userId, key, hash, { status: 200, body: answer.success })
  return answer
}
