import { AdminUnit } from "@xkld/domain"
import type { Checkpoint, EventLog } from "@xkld/event-store"
import { decodeRecorded } from "../aggregate/aggregate-projection.ts"

interface Known {
  readonly event: AdminUnit.AdminUnitEvent
  readonly recordedAt: number
}

/**
 * The administrative-unit catalogue as the log knows it, at any recorded time. The unit events are few
 * (a province has hundreds of units), so they are kept in memory and folded on demand; new ones are
 * read incrementally.
 */
export class CatalogueSource {
  readonly #log: EventLog
  readonly #known: Known[] = []
  #after: Checkpoint = { transactionId: 0n, globalPosition: 0 }
  #current: AdminUnit.Catalogue | undefined
  readonly #byTime = new Map<number, AdminUnit.Catalogue>()

  constructor(log: EventLog) {
    this.#log = log
  }

  /** The catalogue with every unit event recorded by `asOf` (all of them without it). */
  async at(asOf?: Date): Promise<AdminUnit.Catalogue> {
    await this.#refresh()
    if (!asOf) return (this.#current ??= AdminUnit.buildCatalogue(this.#known.map((k) => k.event)))
    const cut = asOf.getTime()
    const count = this.#known.filter((k) => k.recordedAt <= cut).length
    const cached = this.#byTime.get(count)
    if (cached) return cached
    const catalogue = AdminUnit.buildCatalogue(this.#known.filter((k) => k.recordedAt <= cut).map((k) => k.event))
    if (this.#byTime.size > 32) this.#byTime.clear()
    this.#byTime.set(count, catalogue)
    return catalogue
  }

  async #refresh(): Promise<void> {
    for (;;) {
      const batch = await this.#log.readAllBatch({
        after: this.#after,
        batchSize: 5000,
        streamTypes: [AdminUnit.adminUnitStreamType],
      })
      if (batch.length === 0) return
      for (const e of batch)
        this.#known.push({ event: decodeRecorded(e) as AdminUnit.AdminUnitEvent, recordedAt: e.recordedAt.getTime() })
      const last = batch.at(-1)!
      this.#after = { transactionId: last.transactionId, globalPosition: last.globalPosition }
      this.#current = undefined
      this.#byTime.clear()
    }
  }
}
