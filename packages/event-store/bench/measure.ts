/**
 * Timing helpers. The machine is shared and noisy (performance.md): every figure is compared with a
 * baseline measured in the same run, and ours and the baseline alternate in rounds so that drift in the
 * background load hits both alike.
 */

export interface Throughput {
  readonly events: number
  readonly seconds: number
}

export const perSecond = (t: Throughput): number => (t.seconds > 0 ? t.events / t.seconds : 0)

/** One step of one writer; resolves to the number of events it wrote or read. */
export type Step = (writer: number) => Promise<number>

/** Runs `writers` concurrent loops of `step` for about `seconds`; the clock stops when the last step ends. */
export async function runFor(writers: number, seconds: number, step: Step): Promise<Throughput> {
  const start = performance.now()
  const deadline = start + seconds * 1000
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let events = 0
      while (performance.now() < deadline) events += await step(writer)
      return events
    }),
  )
  return { events: counts.reduce((a, b) => a + b, 0), seconds: (performance.now() - start) / 1000 }
}

/** Runs `task` once and times it (a replay over the whole log). */
export async function runOnce(task: () => Promise<number>): Promise<Throughput> {
  const start = performance.now()
  const events = await task()
  return { events, seconds: (performance.now() - start) / 1000 }
}

const add = (a: Throughput, b: Throughput): Throughput => ({
  events: a.events + b.events,
  seconds: a.seconds + b.seconds,
})

/**
 * Runs every side once untimed (warm-up: connections opened, caches and plans warm), then `rounds`
 * rounds of all sides, rotating their order each round so that no side always runs first or last.
 * Returns each side's total throughput (events / seconds over all rounds), in the order given.
 */
export async function rotate(
  rounds: number,
  warmUp: () => Promise<void>,
  sides: ReadonlyArray<() => Promise<Throughput>>,
): Promise<ReadonlyArray<number>> {
  await warmUp()
  const totals: Throughput[] = sides.map(() => ({ events: 0, seconds: 0 }))
  for (let round = 0; round < rounds; round++) {
    const order = sides.map((_, i) => (i + round) % sides.length)
    if (round % 2 === 1) order.reverse()
    for (const i of order) totals[i] = add(totals[i]!, await sides[i]!())
  }
  return totals.map(perSecond)
}
