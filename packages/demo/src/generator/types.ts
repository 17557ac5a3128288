/** One event of a generated append, ready for the event store (`data` is the schema-encoded, JSON-safe event). */
export interface GeneratedEvent {
  /** UUID-shaped, deterministic from the seed; for worker events it equals `data.eventId`. */
  readonly eventId: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  /** Business time (the event's date at 00:00 UTC), ISO. */
  readonly occurredAt: string
}

/** Who entered it: the `actor` of the event metadata. */
export interface GeneratedActor {
  readonly userId: string
  /** Agency code from the glossary: communeCommittee, employmentServiceCentre, enterprise, socialPolicyBank, … */
  readonly role: string
  /** Admin-unit id (commune, province) or enterprise id the user works for. */
  readonly unit?: string | undefined
}

/** One append to one stream, as an officer (or the system) would have made it. */
export interface GeneratedAppend {
  readonly streamId: string
  readonly streamType: string
  readonly expectedVersion: number | "no_stream"
  readonly events: ReadonlyArray<GeneratedEvent>
  /** When it was entered: same day to a few weeks after the business date, never after `now`. ISO. */
  readonly recordedAt: string
  readonly actor: GeneratedActor
  /**
   * Id of the command that produced it. Consecutive appends with the same command id belong in one transaction
   * (a registration and the claim of the person's registration stream); use it as correlation id too.
   */
  readonly commandId: string
}

export type GeneratorProvince = "12" | "14" | "15"

export interface GenerateHistoryOptions {
  /** Same seed and options, byte-identical output. */
  readonly seed: string | number
  /** Approximate number of events; generation stops once it is reached (the admin catalogue alone is ~1,800). */
  readonly targetEvents: number
  /** Provinces whose workers are generated: "14" Sơn La (default), "12" Lai Châu, "15" Lào Cai. */
  readonly provinces?: ReadonlyArray<GeneratorProvince>
  /**
   * Provinces whose enterprises (and vetted lists) are set up, besides `provinces` (default: none). Two generations
   * with the same `enterpriseSeed` and enterprise provinces share the same enterprises, so a second one can add
   * other provinces' workers to a log that already holds the first one's enterprises (`systemAppends: false`).
   */
  readonly enterpriseProvinces?: ReadonlyArray<GeneratorProvince>
  /** Seed of the enterprises (default: `seed`). */
  readonly enterpriseSeed?: string | number
  /** Whether the admin-unit catalogue and the enterprises are yielded (default true); `targetEvents` counts the rest. */
  readonly systemAppends?: boolean
  /** First and last year of history (default 2024 and 2026). */
  readonly from?: number
  readonly to?: number
  /** Nothing is recorded after this instant (default 2026-11-23T00:00:00Z). */
  readonly now?: string
  /** Derives the person keys that seal personal data (default: derived from the seed). */
  readonly masterKey?: Uint8Array
  /** Keys the blind index of citizen IDs (default: derived from the seed). */
  readonly indexKey?: Uint8Array
}
