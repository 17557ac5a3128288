import type { AdminUnit } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import { CatalogueSource } from "@xkld/projections"
import { MAX_AGE_MS, type Wakes } from "./wakes.ts"

const MAX_ENTRIES = 64

/**
 * The unit catalogue answered from memory until the next wake (ADR 0030): `CatalogueSource.at()` asks the log for
 * new unit events on every call, one round trip on every request of every scoped route. Here an answer is kept
 * with the wakes' generation read before asking, and given again while the generation is the same: no unit event
 * can have been committed in between (every write of this process wakes, others' writes notify, and an answer
 * older than a second is asked again anyway). As-of catalogues are keyed by their time.
 */
export class CataloguesFromMemory extends CatalogueSource {
  readonly #wakes: Pick<Wakes, "generation">
  readonly #answers = new Map<
    string,
    { readonly generation: string; readonly at: number; readonly catalogue: Promise<AdminUnit.Catalogue> }
  >()

  constructor(log: EventLog, wakes: Pick<Wakes, "generation">) {
    super(log)
    this.#wakes = wakes
  }

  override at(asOf?: Date): Promise<AdminUnit.Catalogue> {
    const generation = this.#wakes.generation()
    const key = asOf === undefined ? "now" : String(asOf.getTime())
    const found = this.#answers.get(key)
    const now = Date.now()
    if (found && found.generation === generation && now - found.at < MAX_AGE_MS) return found.catalogue
    const catalogue = super.at(asOf)
    this.#answers.delete(key)
    this.#answers.set(key, { generation, at: now, catalogue })
    if (this.#answers.size > MAX_ENTRIES) this.#answers.delete(this.#answers.keys().next().value!)
    catalogue.catch(() => {
      if (this.#answers.get(key)?.catalogue === catalogue) this.#answers.delete(key)
    })
    return catalogue
  }
}
