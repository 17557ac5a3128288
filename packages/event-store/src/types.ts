/** Where the writer expects the stream to be before its append. */
export type ExpectedVersion = "any" | "no_stream" | "stream_exists" | number

/**
 * A point in the log's commit order. Events are ordered by the writing transaction's id, then by
 * global position (ADR 0003): a position alone is not a checkpoint.
 */
export interface Checkpoint {
  readonly transactionId: bigint
  readonly globalPosition: number
}

export const START: Checkpoint = { transactionId: 0n, globalPosition: 0 }

export interface NewEvent {
  readonly eventId: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  readonly metadata: EventMetadata
  /** Business time: when it happened in the world. */
  readonly occurredAt: Date
}

export interface RecordedEvent {
  readonly globalPosition: number
  readonly transactionId: bigint
  readonly streamId: string
  readonly streamType: string
  readonly streamPosition: number
  readonly eventId: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: any
  readonly metadata: EventMetadata
  readonly occurredAt: Date
  /** Transaction time: when the system learned it. */
  readonly recordedAt: Date
  readonly hash: string
}

export interface AppendResult {
  readonly streamId: string
  /** The stream's version after the append: pass it as the expected version of the next one. */
  readonly nextExpectedVersion: number
  readonly firstStreamPosition: number
  readonly lastStreamPosition: number
  readonly transactionId: bigint
  readonly recordedAt: Date
  /** True when these event ids were already recorded: the original result, nothing written. */
  readonly duplicate: boolean
}

/** Who did it, why and from where: carried on every event (see metadata.ts for the schema). */
export interface EventMetadata {
  readonly actor: { readonly userId: string; readonly role: string; readonly unit?: string | undefined }
  readonly commandId: string
  readonly correlationId: string
  readonly causationId?: string | undefined
  readonly legalBasis?:
    | { readonly number: string; readonly date: string; readonly issuer: string; readonly title?: string | undefined }
    | undefined
  readonly source:
    | { readonly kind: "api"; readonly requestId?: string | undefined }
    | { readonly kind: "import"; readonly fileName: string; readonly fileSha256: string; readonly row: number }
    | { readonly kind: "cli"; readonly command: string }
    | { readonly kind: "seed"; readonly dataset: string }
    | { readonly kind: "system"; readonly process: string }
}
