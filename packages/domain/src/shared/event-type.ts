import type { Schema } from "effect"

/**
 * A registry entry: how one event type is stored, read back and documented.
 * `schema` decodes the *current* version; `upcasters[v]` turns the JSON of version v into version v+1.
 */
export interface EventType {
  readonly type: string
  readonly version: number
  readonly streamType: string
  readonly description: string
  /** Field names whose content is personal data (stored encrypted), for the event catalogue. */
  readonly personalFields: ReadonlyArray<string>
  readonly schema: Schema.Top
  readonly upcasters?: Readonly<Record<number, (data: unknown) => unknown>>
}
