import { createInflateRaw } from "node:zlib"

/**
 * A minimal, defensive reader of the zip container of an .xlsx: it trusts the central directory only after
 * checking it, refuses what an import never needs (zip64, encryption, split archives, methods other than
 * stored and deflate), and inflates one entry at a time as a stream whose output is bounded. Nothing is
 * decompressed before the entry count and the declared sizes are checked (ADR 0011).
 */

/** What the importer accepts of one upload's zip container. */
export interface ZipLimits {
  /** Most entries (files) in the archive. */
  readonly maxEntries: number
  /** Most bytes all entries together may declare. */
  readonly maxTotalBytes: number
  /**
   * Most bytes inflated from the entries an import reads (workbook, strings, styles, sheets), all together.
   * Every byte inflated is also parsed as XML, which costs far more than inflating: this bounds the CPU time.
   */
  readonly maxInflatedBytes: number
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxTotalBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 16 * 1024 * 1024,
}

export type ZipRefusalKind = "too-many-entries" | "too-large" | "corrupt" | "unsupported"

/** Why an archive is refused; the importer turns it into a problem (413 for the limits, 400 otherwise). */
export class ZipRefusal extends Error {
  readonly kind: ZipRefusalKind
  readonly detail: Readonly<Record<string, number | string>>
  constructor(kind: ZipRefusalKind, message: string, detail: Readonly<Record<string, number | string>> = {}) {
    super(message)
    this.kind = kind
    this.detail = detail
  }
}

export interface ZipEntry {
  readonly name: string
  readonly method: 0 | 8
  readonly compressedSize: number
  readonly uncompressedSize: number
  /** Where the entry's compressed bytes start in the archive. */
  readonly dataStart: number
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>
  readonly declaredTotal: number
  /** The entry's bytes as a stream of chunks; never more than it declared, never more than the budget left. */
  readonly open: (name: string) => AsyncGenerator<Uint8Array, void, undefined>
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const corrupt = (why: string) => new ZipRefusal("corrupt", why)

/** Reads and checks the central directory of `bytes`; inflates nothing. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  // The end-of-central-directory record: the last one whose comment reaches exactly the end of the file.
  let eocd = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      eocd = at
      break
    }
  if (eocd < 0) throw corrupt("no end of central directory")
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== u16(eocd + 10))
    throw new ZipRefusal("unsupported", "split archive")
  const count = u16(eocd + 10)
  const cdSize = u32(eocd + 12)
  const cdOffset = u32(eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ZipRefusal("unsupported", "zip64 archive")
  if (count > limits.maxEntries)
    throw new ZipRefusal("too-many-entries", "too many entries", { entries: count, limit: limits.maxEntries })
  if (cdOffset + cdSize > eocd) throw corrupt("central directory outside the file")

  const entries = new Map<string, ZipEntry>()
  let declaredTotal = 0
  let at = cdOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || u32(at) !== CENTRAL) throw corrupt("bad central directory entry")
    const flags = u16(at + 8)
    const method = u16(at + 10)
    const compressedSize = u32(at + 20)
    const uncompressedSize = u32(at + 24)
    const nameLength = u16(at + 28)
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32)
    const localOffset = u32(at + 42)
    if (next > cdOffset + cdSize) throw corrupt("central directory entry overruns")
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(
      bytes.subarray(at + 46, at + 46 + nameLength),
    )
    if (flags & 0x41) throw new ZipRefusal("unsupported", "encrypted entry")
    if (method !== 0 && method !== 8) throw new ZipRefusal("unsupported", `compression method ${method}`)
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipRefusal("unsupported", "zip64 entry")
    if (method === 0 && compressedSize !== uncompressedSize) throw corrupt("stored entry with two sizes")
    if (entries.has(name)) throw corrupt(`entry ${name} twice`)
    declaredTotal += uncompressedSize
    if (declaredTotal > limits.maxTotalBytes)
      throw new ZipRefusal("too-large", "declared sizes over the limit", {
        declared: declaredTotal,
        limit: limits.maxTotalBytes,
      })
    // The entry's local header: its own name and extra field lengths say where the data starts.
    if (localOffset + 30 > cdOffset || u32(localOffset) !== LOCAL) throw corrupt(`no local header for ${name}`)
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
    if (dataStart + compressedSize > cdOffset) throw corrupt(`entry ${name} overruns`)
    entries.set(name, { name, method, compressedSize, uncompressedSize, dataStart })
    at = next
  }

  let inflated = 0
  async function* open(name: string): AsyncGenerator<Uint8Array, void, undefined> {
    const entry = entries.get(name)
    if (!entry) throw corrupt(`no entry ${name}`)
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let produced = 0
    const tally = (chunk: Uint8Array) => {
      produced += chunk.length
      inflated += chunk.length
      if (produced > entry.uncompressedSize) throw corrupt(`entry ${name} inflates beyond its declared size`)
      if (inflated > limits.maxInflatedBytes)
        throw new ZipRefusal("too-large", "inflated bytes over the limit", { limit: limits.maxInflatedBytes })
    }
    if (entry.method === 0) {
      for (let from = 0; from < data.length; from += 64 * 1024) {
        const chunk = data.subarray(from, Math.min(data.length, from + 64 * 1024))
        tally(chunk)
        yield chunk
      }
    } else {
      // A stream, not a buffer: at most a few chunks are held at once, and inflating runs off the main thread.
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 })
      inflater.end(data)
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          tally(chunk)
          yield chunk
        }
      } catch (error) {
        if (error instanceof ZipRefusal) throw error
        throw corrupt(`entry ${name} does not inflate`)
      } finally {
        inflater.destroy()
      }
    }
    if (produced !== entry.uncompressedSize) throw corrupt(`entry ${name} is shorter than declared`)
  }
  return { entries, declaredTotal, open }
}
