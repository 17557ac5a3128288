import { describe, expect, test } from "vitest"
import { describeProgress, duration, progress } from "./progress.ts"

const stream = (isTTY: boolean) => {
  const writes: string[] = []
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream }
}

describe("progress", () => {
  test("shows done/total, percent, rate and time left, Vietnamese numbers", () => {
    expect(describeProgress(1234, 5000, 2)).toBe("1.234/5.000 (24%) · 617/giây (per s) · còn (left) 00:06")
    expect(describeProgress(0, 10, 0)).toContain("còn (left) --:--")
    expect(duration(3725)).toBe("1:02:05")
  })

  test("on a terminal: one bar redrawn in place, at most every 100 ms, and a final line", () => {
    let now = 0
    const { writes, stream: tty } = stream(true)
    const bar = progress("Khôi phục", tty, () => now)
    for (let done = 1; done <= 100; done++) {
      now += 10
      bar.update(done, 100)
    }
    bar.finish()
    expect(writes.every((w) => w.startsWith("\r") || w === "\n")).toBe(true)
    expect(writes.length).toBeLessThan(15)
    expect(writes.at(-2)).toContain("[████████████████████████] 100/100 (100%)")
    expect(writes.at(-1)).toBe("\n")
  })

  test("elsewhere: plain lines, one at the start and one per tenth of the way", () => {
    let now = 0
    const { writes, stream: log } = stream(false)
    const bar = progress("Sao lưu", log, () => now)
    for (let done = 1; done <= 1000; done++) {
      now += 1
      bar.update(done, 1000)
    }
    bar.finish()
    expect(writes.length).toBe(11)
    expect(writes.every((w) => w.startsWith("Sao lưu: ") && w.endsWith("\n") && !w.includes("\r"))).toBe(true)
    expect(writes.at(-1)).toContain("1.000/1.000 (100%) · 1.000/giây")
  })
})
