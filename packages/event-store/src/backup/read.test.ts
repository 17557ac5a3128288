import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { afterAll, describe, expect, test } from "vitest"
import { MalformedBackup, readBackupLines, type BackupLine } from "./read.ts"

const dir = mkdtempSync(join(tmpdir(), "xkld-backup-read-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fileOf = (name: string, lines: ReadonlyArray<unknown>) => {
  const file = join(dir, name)
  writeFileSync(file, gzipSync(lines.map((l) => `${typeof l === "string" ? l : JSON.stringify(l)}\n`).join("")))
  return file
}
const header = (tables: ReadonlyArray<{ table: string; rows: number }>) => ({
  format: "xkld-backup",
  version: 1,
  tables,
})
const all = async (file: string) => {
  const out: BackupLine[] = []
  for await (const line of readBackupLines(file)) out.push(line)
  return out
}

describe("readBackupLines", () => {
  test("tells rows by their place: a row whose columns look like a section or a trailer is still a row", async () => {
    const lines = await all(
      fileOf("tricky.gz", [
        header([{ table: "t", rows: 2 }]),
        { table: "t", rows: 2 },
        '{"table":"u","rows":0}',
        '{"end":true,"sha256":"x","rows":0}',
        { end: true, sha256: "abc", rows: 2 },
      ]),
    )
    expect(lines.map((l) => l.kind)).toEqual(["header", "section", "row", "row", "trailer"])
    expect(lines[2]).toMatchObject({ kind: "row", table: "t", text: '{"table":"u","rows":0}' })
  })

  test("a section out of order, with another count, or data after the trailer is malformed", async () => {
    const two = header([
      { table: "a", rows: 0 },
      { table: "b", rows: 0 },
    ])
    const trailer = { end: true, sha256: "abc", rows: 0 }
    await expect(all(fileOf("order.gz", [two, { table: "b", rows: 0 }]))).rejects.toBeInstanceOf(MalformedBackup)
    await expect(all(fileOf("count.gz", [two, { table: "a", rows: 1 }]))).rejects.toBeInstanceOf(MalformedBackup)
    await expect(
      all(fileOf("after.gz", [two, { table: "a", rows: 0 }, { table: "b", rows: 0 }, trailer, trailer])),
    ).rejects.toBeInstanceOf(MalformedBackup)
    const ok = await all(fileOf("ok.gz", [two, { table: "a", rows: 0 }, { table: "b", rows: 0 }, trailer]))
    expect(ok.map((l) => l.kind)).toEqual(["header", "section", "section", "trailer"])
  })
})
