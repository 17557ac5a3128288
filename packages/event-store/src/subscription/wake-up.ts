/**
 * Wake-up hints for subscribers. An append in this process wakes local subscribers at once; other
 * processes are told with a NOTIFY sent at most once per interval, outside the append's transaction,
 * so the hint never becomes a global hot spot. Hints are only hints: subscribers also poll.
 */
export const NOTIFY_CHANNEL = "es_events_appended"

export class WakeUp {
  readonly #listeners = new Set<() => void>()
  #pending = false
  readonly #notifyOthers: () => Promise<void>
  readonly #intervalMs: number

  constructor(notifyOthers: () => Promise<void>, intervalMs = 50) {
    this.#notifyOthers = notifyOthers
    this.#intervalMs = intervalMs
  }

  on(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Called after every successful append. */
  appended(): void {
    for (const listener of this.#listeners) listener()
    if (this.#pending) return
    this.#pending = true
    setTimeout(() => {
      this.#pending = false
      this.#notifyOthers().catch(() => undefined)
    }, this.#intervalMs).unref()
  }

  /** Called on a notification from another process. */
  notified(): void {
    for (const listener of this.#listeners) listener()
  }
}
