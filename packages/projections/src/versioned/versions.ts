/**
 * Bitemporal rows. A read model never overwrites: when what the log says about a row changes, the current
 * version is closed at the recorded time of the event that changed it and a new version opens. "As known
 * at T" is then `recorded_from <= T AND (recorded_to IS NULL OR recorded_to > T)`, the same answer as
 * replaying the log cut at T, at a cost bounded by the rows of the period asked about (not by history).
 */
export interface VersionedRow {
  readonly key: string
  readonly provinceCode: string | null
  readonly year: number | null
  readonly unitId: string | null
  readonly data: unknown
}

export interface RowVersion extends VersionedRow {
  readonly table: string
  readonly recordedFrom: Date
  recordedTo: Date | null
  /** The event that opened this version, and the one that closed it. */
  readonly eventId: string
  closedBy: string | null
  /** Serialised data, to compare versions. */
  readonly fingerprint: string
}

/** A version already in the database that a change in this batch closes. */
export interface Closing {
  readonly table: string
  readonly key: string
  readonly recordedTo: Date
  readonly closedBy: string
}

/**
 * Collects the changes of one batch. Versions opened and closed within the batch never touch the
 * database twice; versions that open and close at the same instant (several events of one append)
 * are dropped, since no as-of query can see them.
 */
export class VersionBatch {
  readonly opened = new Map<string, RowVersion>()
  readonly inserts: RowVersion[] = []
  readonly closings: Closing[] = []

  /**
   * Applies the rows a table now derives for one aggregate, given what it derived before.
   * `before` and `after` map key → row.
   */
  change(
    table: string,
    before: ReadonlyMap<string, VersionedRow>,
    after: ReadonlyMap<string, VersionedRow>,
    at: Date,
    eventId: string,
  ): void {
    for (const [key, row] of before) {
      const next = after.get(key)
      if (next && fingerprintOf(next) === fingerprintOf(row)) continue
      this.#close(table, key, at, eventId)
    }
    for (const [key, row] of after) {
      const previous = before.get(key)
      if (previous && fingerprintOf(previous) === fingerprintOf(row)) continue
      const version: RowVersion = {
        ...row,
        table,
        recordedFrom: at,
        recordedTo: null,
        eventId,
        closedBy: null,
        fingerprint: fingerprintOf(row),
      }
      this.opened.set(`${table}\u0000${key}`, version)
      this.inserts.push(version)
    }
  }

  #close(table: string, key: string, at: Date, eventId: string): void {
    const id = `${table}\u0000${key}`
    const open = this.opened.get(id)
    if (open) {
      open.recordedTo = at
      open.closedBy = eventId
      this.opened.delete(id)
    } else this.closings.push({ table, key, recordedTo: at, closedBy: eventId })
  }

  /** The versions worth writing: zero-length ones are invisible to every as-of query. */
  visibleInserts(): ReadonlyArray<RowVersion> {
    return this.inserts.filter((v) => v.recordedTo === null || v.recordedTo.getTime() > v.recordedFrom.getTime())
  }
}

const fingerprints = new WeakMap<object, string>()
export const fingerprintOf = (row: VersionedRow): string => {
  let fingerprint = fingerprints.get(row)
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify([row.provinceCode, row.year, row.unitId, row.data])
    fingerprints.set(row, fingerprint)
  }
  return fingerprint
}

export const byKey = (rows: ReadonlyArray<VersionedRow>): ReadonlyMap<string, VersionedRow> =>
  new Map(rows.map((row) => [row.key, row]))
