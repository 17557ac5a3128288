import { createHash } from "node:crypto"
import type { Context } from "hono"
import { fail } from "../http/problem.ts"
import { XLSX_MEDIA_TYPE } from "./spreadsheet.ts"

/** An uploaded file: its name as the user gave it, its bytes and their SHA-256 (hex). */
export interface Upload {
  readonly fileName: string
  readonly bytes: Uint8Array
  readonly sha256: string
}

const MAX_FILE_NAME = 255

/** Media types accepted as a raw body (the file itself, not a form). */
export const RAW_UPLOAD_TYPES = [XLSX_MEDIA_TYPE, "application/octet-stream"] as const

const cleanName = (name: string | undefined, fallback: string): string => {
  let decoded = name ?? ""
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // not percent-encoded: keep as sent
  }
  // Browsers may send a path; keep only the file's own name, without control characters.
  const base =
    decoded
      .split(/[\\/]/)
      .at(-1)
      ?.replace(/[\u0000-\u001f\u007f]/g, "")
      .normalize("NFC")
      .trim() ?? ""
  return (base === "" ? fallback : base).slice(0, MAX_FILE_NAME)
}

/**
 * Reads the file of an import request: `multipart/form-data` with a `file` field, or the file as the raw body
 * (`Content-Type` xlsx or octet-stream) with its name in `X-File-Name` (percent-encoded if not ASCII).
 */
export async function readUpload(c: Context, fallbackName: string): Promise<Upload> {
  const type = (c.req.header("content-type") ?? "").toLowerCase()
  let fileName: string
  let bytes: Uint8Array
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody().catch(() => {
      throw fail(
        "validation",
        "Không đọc được biểu mẫu tải tệp (multipart/form-data).",
        "The multipart form cannot be parsed.",
      )
    })
    const file = form["file"]
    if (!(file instanceof File))
      throw fail(
        "validation",
        "Thiếu tệp Excel trong trường “file” của biểu mẫu.",
        "The form has no file in its `file` field.",
        {
          fields: [{ path: "body.file", message: "Thiếu tệp", messageEn: "Missing file" }],
        },
      )
    fileName = cleanName(file.name, fallbackName)
    bytes = new Uint8Array(await file.arrayBuffer())
  } else if (RAW_UPLOAD_TYPES.some((t) => type.startsWith(t))) {
    fileName = cleanName(c.req.header("x-file-name"), fallbackName)
    bytes = new Uint8Array(await c.req.arrayBuffer())
  } else {
    throw fail(
      "unsupported-media-type",
      "Hãy gửi tệp Excel (.xlsx) bằng biểu mẫu multipart/form-data (trường “file”) hoặc nội dung thô kiểu xlsx.",
      "Send the .xlsx as multipart/form-data (field `file`) or as a raw xlsx body.",
    )
  }
  return { fileName, bytes, sha256: createHash("sha256").update(bytes).digest("hex") }
}
