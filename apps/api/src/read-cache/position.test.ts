import { describe, expect, test } from "vitest"
import { sharedPosition } from "./position.ts"

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
