import { Schema } from "effect"

/** The events a command wrote (ids and types), as every command answer lists them. */
export const WrittenEvents = Schema.Array(Schema.Struct({ eventId: Schema.String, type: Schema.String }))

/**
 * The usual answer to a command on a planning record (`answerWithRecord`): its id, the new version (the next
 * `If-Match`), the events written and, under `key`, the record as the read model now holds it (null when the
 * command left no row, e.g. a void).
 */
export const RecordAnswerBody = <K extends string, S extends Schema.Top>(key: K, record: S) =>
  Schema.Struct({
    id: Schema.String,
    version: Schema.Int,
    events: WrittenEvents,
    ...({ [key]: Schema.NullOr(record) } as { readonly [P in K]: Schema.NullOr<S> }),
  })
