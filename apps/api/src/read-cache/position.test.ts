import { describe, expect, test } from "vitest"
import { sharedPosition, wokenPosition } from "./position.ts"

describe("sharedPosition", () => {
  test("a caller never gets a read that started before it called; callers queued together share one read", async () => {
    const started: number[] = []
    const releases: Array<(v: string) => void> = []
    let reads = 0
    const position = sharedPosition(
      () =>
        new Promise<string>((resolve) => {
          started.push(++reads)
          releases.push(resolve)
        }),
    )
    const first = position()
    const second = position() // arrives while read 1 runs: must wait for read 2
    const third = position() // shares read 2
    expect(started).toEqual([1])
    releases[0]!("p1")
    expect(await first).toBe("p1")
    await new Promise((r) => setImmediate(r))
    expect(started).toEqual([1, 2])
    releases[1]!("p2")
    expect(await second).toBe("p2")
    expect(await third).toBe("p2")
    expect(reads).toBe(2)
  })
})

describe("wokenPosition", () => {
  const fakeWakes = () => {
    let count = 0
    const listeners = new Set<() => void>()
    return {
      generation: () => String(count),
      on: (listener: () => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      wake: () => {
        count++
        for (const listener of listeners) listener()
      },
    }
  }
  const flush = () => new Promise((r) => setImmediate(r))

  test("answers from memory only between wakes, once settled; a wake makes the next request read again", async () => {
    const wakes = fakeWakes()
    let reads = 0
    let settles = 0
    const position = wokenPosition(
      async () => `p${++reads}`,
      wakes,
      async () => void settles++,
    )
    expect(await position()).toBe("p1") // not settled yet: read for this request
    await flush()
    expect(settles).toBe(1)
    expect(reads).toBe(2) // the settling read
    expect(await position()).toBe("p2")
    expect(await position()).toBe("p2")
    expect(reads).toBe(2) // no read while nothing woke
    wakes.wake()
    expect(await position()).toBe("p3") // read again, after the wake
    await flush()
    expect(await position()).toBe("p4")
    expect(reads).toBe(4)
  })

  test("a wake while settling keeps nothing from that round", async () => {
    const wakes = fakeWakes()
    let reads = 0
    let wakeDuringSettle = true
    const position = wokenPosition(
      async () => `p${++reads}`,
      wakes,
      async () => {
        if (wakeDuringSettle) {
          wakeDuringSettle = false
          wakes.wake()
        }
      },
    )
    await position()
    await flush()
    await flush()
    // round 1 was woken during its settle and kept nothing; round 2 read p3 after the wake and kept it
    expect(reads).toBe(3)
    expect(await position()).toBe("p3")
    expect(reads).toBe(3)
  })
})
