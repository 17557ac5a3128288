import { createRequire } from "node:module"
import zlib from "node:zlib"
import JSZip from "jszip"

/**
 * Re-packs an Office file (a zip) so that the same content gives the same bytes on any day: every entry keeps
 * its name and order, gets the pinned date (zip entry times are UTC in JSZip) and the same compression, and the
 * dates of `docProps/core.xml` are replaced by the pinned instant. The libraries stamp "now" in both places.
 */
export async function pinZip(bytes: Uint8Array, pinned: Date): Promise<Uint8Array> {
  return zipPinned(storedEntries(bytes) ?? (await loadedEntries(bytes)), pinned)
}

async function loadedEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array | string>> {
  const source = await JSZip.loadAsync(bytes)
  const entries = new Map<string, Uint8Array | string>()
  for (const entry of Object.values(source.files))
    if (!entry.dir) entries.set(entry.name, await entry.async("uint8array"))
  return entries
}

/**
 * Zips an Office file's parts, in order, as `pinZip` re-packs one: the same bytes as zipping them with the
 * library and re-packing, without deflating and inflating every part once more (the DOCX gives its parts).
 */
export async function zipPinned(entries: ReadonlyMap<string, Uint8Array | string>, pinned: Date): Promise<Uint8Array> {
  const stamp = pinned.toISOString().replace(/\.\d{3}Z$/, "Z")
  const parts = new Map<string, Uint8Array | string>()
  for (const [name, part] of entries) {
    let data = part
    if (name === "docProps/core.xml") {
      data = (typeof data === "string" ? data : new TextDecoder().decode(data))
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
    }
    parts.set(name, data)
  }
  // the writer below covers what these files use (ASCII names, dates from 1980); anything else goes through JSZip
  if ([...parts.keys()].every((name) => /^[\x20-\x7e]+$/.test(name)) && pinned.getUTCFullYear() >= 1980)
    return writeZip(parts, pinned)
  const target = new JSZip()
  for (const [name, data] of parts)
    target.file(name, data, { date: pinned, createFolders: false, binary: typeof data !== "string" })
  return target.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  })
}

/**
 * JSZip 3.10's output for `zipPinned`'s options, written without its stream workers (most of a small file's time
 * went to them): the same chunks (16 Ki UTF-16 units of a string, each encoded to UTF-8 as JSZip does; 16 KiB of
 * bytes) pushed into the same pako `Deflate` (JSZip's own copy, level 6, raw), and the same headers: version 10,
 * no flags, DOS date and time in UTC, no extra fields, made by DOS 2.0, no attributes, no comments. An empty part
 * is stored, as JSZip stores it. The bytes are the library's; `test/format-bytes.int.test.ts` compares them.
 */
const JSZIP_BLOCK = 16 * 1024
const jszipRequire = createRequire(createRequire(import.meta.url).resolve("jszip"))
interface PakoDeflate {
  push(data: Uint8Array | ReadonlyArray<never>, mode: boolean): boolean
  onData: (chunk: Uint8Array) => void
  err: number
  msg: string
}
const pako = jszipRequire("pako") as { Deflate: new (options: { raw: boolean; level: number }) => PakoDeflate }
const crc32 = (bytes: Uint8Array): number =>
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32?.(bytes) ??
  (jszipRequire("./crc32") as (data: Uint8Array) => number)(bytes) >>> 0

/** A part's bytes as JSZip feeds them to the compressor: chunk by chunk. */
function chunksOf(part: Uint8Array | string): Uint8Array[] {
  const chunks: Uint8Array[] = []
  if (typeof part === "string")
    for (let i = 0; i < part.length; i += JSZIP_BLOCK)
      chunks.push(Buffer.from(part.substring(i, i + JSZIP_BLOCK), "utf8"))
  else for (let i = 0; i < part.length; i += JSZIP_BLOCK) chunks.push(part.subarray(i, i + JSZIP_BLOCK))
  return chunks
}

interface Deflated {
  readonly raw: Uint8Array
  readonly crc: number
  readonly compressed: Uint8Array
}

/**
 * Deflated parts by their bytes, for the process: most parts of an Office file are the same in every file (styles,
 * theme, settings, relationships), and deflating them again was a tenth of a small file's time. Looked up by name,
 * CRC and length, and used only if the bytes are equal. Small parts only; a full cache starts over.
 */
const CACHE_PART_LIMIT = 64 * 1024
const CACHE_TOTAL_LIMIT = 8 * 1024 * 1024
let cache = new Map<string, Deflated>()
let cachedBytes = 0

function deflated(name: string, chunks: ReadonlyArray<Uint8Array>): Deflated {
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
  const crc = crc32(raw)
  const key = `${name}\u0000${crc}\u0000${raw.length}`
  const hit = cache.get(key)
  if (hit !== undefined && Buffer.from(hit.raw.buffer, hit.raw.byteOffset, hit.raw.length).equals(raw)) return hit
  const out: Uint8Array[] = []
  const deflate = new pako.Deflate({ raw: true, level: 6 })
  deflate.onData = (chunk) => out.push(chunk)
  for (const chunk of chunks) deflate.push(chunk, false)
  deflate.push([], true)
  if (deflate.err) throw new Error(`deflate of ${name}: ${deflate.msg}`)
  const result = { raw, crc, compressed: Buffer.concat(out) }
  if (raw.length <= CACHE_PART_LIMIT) {
    if (cachedBytes + raw.length > CACHE_TOTAL_LIMIT) {
      cache = new Map()
      cachedBytes = 0
    }
    cache.set(key, { ...result, raw: Uint8Array.from(raw) })
    cachedBytes += raw.length
  }
  return result
}

function writeZip(parts: ReadonlyMap<string, Uint8Array | string>, pinned: Date): Uint8Array {
  const time = (pinned.getUTCHours() << 11) | (pinned.getUTCMinutes() << 5) | (pinned.getUTCSeconds() >> 1)
  const date = ((pinned.getUTCFullYear() - 1980) << 9) | ((pinned.getUTCMonth() + 1) << 5) | pinned.getUTCDate()
  const local: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  let centralLength = 0
  for (const [name, part] of parts) {
    const chunks = chunksOf(part)
    const size = chunks.reduce((s, c) => s + c.length, 0)
    const entry = size === 0 ? undefined : deflated(name, chunks)
    const fileName = Buffer.from(name, "latin1")
    // the 26 bytes both headers share, from "version needed to extract"
    const shared = (view: DataView, at: number) => {
      view.setUint16(at, 10, true)
      view.setUint16(at + 2, 0, true)
      view.setUint16(at + 4, entry ? 8 : 0, true)
      view.setUint16(at + 6, time, true)
      view.setUint16(at + 8, date, true)
      view.setUint32(at + 10, entry ? entry.crc >>> 0 : 0, true)
      view.setUint32(at + 14, entry ? entry.compressed.length : 0, true)
      view.setUint32(at + 18, size, true)
      view.setUint16(at + 22, fileName.length, true)
      view.setUint16(at + 24, 0, true)
    }
    const header = new Uint8Array(30 + fileName.length)
    const headerView = new DataView(header.buffer)
    headerView.setUint32(0, 0x04034b50, true)
    shared(headerView, 4)
    header.set(fileName, 30)
    const record = new Uint8Array(46 + fileName.length)
    const recordView = new DataView(record.buffer)
    recordView.setUint32(0, 0x02014b50, true)
    recordView.setUint16(4, 0x0014, true)
    shared(recordView, 6)
    // comment length, disk, internal and external attributes: 0
    recordView.setUint32(42, offset, true)
    record.set(fileName, 46)
    local.push(header)
    if (entry) local.push(entry.compressed)
    central.push(record)
    offset += header.length + (entry ? entry.compressed.length : 0)
    centralLength += record.length
  }
  const end = new Uint8Array(22)
  const endView = new DataView(end.buffer)
  endView.setUint32(0, 0x06054b50, true)
  endView.setUint16(8, parts.size, true)
  endView.setUint16(10, parts.size, true)
  endView.setUint32(12, centralLength, true)
  endView.setUint32(16, offset, true)
  return new Uint8Array(Buffer.concat([...local, ...central, end]))
}

/**
 * The entries of a zip whose every entry is stored (not deflated), in order, folders left out; undefined for any
 * other zip (read with JSZip instead). ExcelJS writes its workbook so (`compression: "STORE"`) for `pinZip` to
 * deflate once: the entries' bytes are the same either way.
 */
export function storedEntries(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const endAt = bytes.length - 22
  if (endAt < 0 || view.getUint32(endAt, true) !== 0x06054b50 || view.getUint16(endAt + 20, true) !== 0)
    return undefined
  const count = view.getUint16(endAt + 10, true)
  let at = view.getUint32(endAt + 16, true)
  const entries = new Map<string, Uint8Array>()
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || view.getUint32(at, true) !== 0x02014b50) return undefined
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localAt = view.getUint32(at + 42, true)
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("latin1")
    if (method !== 0 || flags !== 0 || view.getUint32(at + 24, true) !== size || !/^[\x20-\x7e]+$/.test(name))
      return undefined
    if (view.getUint32(localAt, true) !== 0x04034b50) return undefined
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true)
    if (dataAt + size > bytes.length) return undefined
    if (!name.endsWith("/")) entries.set(name, bytes.subarray(dataAt, dataAt + size))
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
