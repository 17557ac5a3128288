import JSZip from "jszip"

/**
 * Re-packs an Office file (a zip) so that the same content gives the same bytes on any day: every entry keeps
 * its name and order, gets the pinned date (zip entry times are UTC in JSZip) and the same compression, and the
 * dates of `docProps/core.xml` are replaced by the pinned instant. The libraries stamp "now" in both places.
 */
export async function pinZip(bytes: Uint8Array, pinned: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const entries = new Map<string, Uint8Array | string>()
  for (const entry of Object.values(source.files))
    if (!entry.dir) entries.set(entry.name, await entry.async("uint8array"))
  return zipPinned(entries, pinned)
}

/**
 * Zips an Office file's parts, in order, as `pinZip` re-packs one: the same bytes as zipping them with the
 * library and re-packing, without deflating and inflating every part once more (the DOCX gives its parts).
 */
export async function zipPinned(entries: ReadonlyMap<string, Uint8Array | string>, pinned: Date): Promise<Uint8Array> {
  const target = new JSZip()
  const stamp = pinned.toISOString().replace(/\.\d{3}Z$/, "Z")
  for (const [name, part] of entries) {
    let data = part
    if (name === "docProps/core.xml") {
      data = (typeof data === "string" ? data : new TextDecoder().decode(data))
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
    }
    target.file(name, data, { date: pinned, createFolders: false, binary: typeof data !== "string" })
  }
  return target.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  })
}
