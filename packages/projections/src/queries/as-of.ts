import { sql, type RawBuilder } from "kysely"

/**
 * "As the system knew it at T": versions recorded by T and not yet replaced at T. Without a time,
 * the current versions.
 */
export const knownAt = (asOf: Date | undefined): RawBuilder<unknown> =>
  asOf
    ? sql`recorded_from <= ${asOf.toISOString()}::timestamptz AND (recorded_to IS NULL OR recorded_to > ${asOf.toISOString()}::timestamptz)`
    : sql`recorded_to IS NULL`

/** Resolves a projection's logical table to the physical table of its active generation. */
export type TableOf = (projection: string, table: string) => string
