import type { AdminUnit } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import { CatalogueSource } from "@xkld/projections"
import type { Wakes } from "./wakes.ts"

const MAX_ENTRIES = 64

/**
 * The unit catalogue answered from memory until the next wake (ADR 0030): `CatalogueSource.at()` asks the log for
 * new unit events on every call, one round trip on every request of every scoped route. Here an answer is kept
 * with the wakes' generation read before asking, and given again while the generation is the same: no unit event
 * can have been committed in between (every write of this process wakes, others' writes notify, and the generation
 * turns every second anyway). As-of catalogues are keyed by their time.
 */
export class CataloguesFromMemory extends CatalogueSource {
  readonly #wakes: Pick<Wakes, "generation">
  readonly #answers = new Map<
    string,
    { readonly generation: string; readonly catalogue: Promise<AdminUnit.Catalogue> }
  >()

  constructor(log: EventLog, wakes: Pick<Wakes, "generation">) {
    super(log)
    this.#wakes = wakes
  }

  override at(asOf?: Date): Promise<AdminUnit.Catalogue> {
    const generation = this.#wakes.generation()
    const key = asOf === undefined ? "now" : String(asOf.getTime())
    const found = this.#answers.get(key)
    if (found && found.generation === generation) return found.catalogue
    const catalogue = super.at(asOf)
    this.#answers.delete(key)
    this.#answers.set(key, { generation, catalogue })
    if (this.#answers.size > MAX_ENTRIES) this.#answers.delete(this.#answers.keys().next().value!)
    catalogue.catch(() => {
      if (this.#answers.get(key)?.catalogue === catalogue) this.#answers.delete(key)
    })
    return catalogue
  }
}
