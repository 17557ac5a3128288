/**
 * The versions of the report builder (ADR 0020). An issued report is kept as hashes, not files: a re-download
 * rebuilds it, so every builder change that changes the bytes of a report bumps `CONTENT_VERSION` and keeps the
 * old behaviour behind the old number, and `ReportIssued.contentVersion` says which one made the issued files.
 *
 * 1. The builder of the first issued reports (0f3a51f–5ce2bb5^): section IV without the deaths and missing rows.
 * 2. Section IV counts workers reported dead or missing abroad (5ce2bb5, WorkerDeathOrMissingReported).
 * 3. Section I's "trained before departure" sentence is the target's (label and rule of
 *    "trained-before-departure-share": language, orientation and legal counselling), not language and
 *    orientation only.
 * 4. Section V: a table of loans and subsidies by programme and funding source (workers read model v5); the
 *    first table's note no longer says the sources are not split.
 * 5. PDF only: a table's title and header row start a new page when its first row would not fit under them
 *    (`formats/pdf.ts`, `pdfLayoutOf`); the content and the other formats are version 4's.
 */
export const CONTENT_VERSION = 5

/** Reports issued before `ReportIssued` recorded a version were made by one of these (the hash tells which). */
export const VERSIONS_BEFORE_RECORDING: ReadonlyArray<number> = [1, 2]

export class UnknownContentVersion extends Error {
  readonly _tag = "UnknownContentVersion"
  readonly version: number
  constructor(version: number) {
    super(`report content version ${version} is not one this builder knows (1–${CONTENT_VERSION})`)
    this.version = version
  }
}

export function contentVersionOf(requested: number | undefined): number {
  const version = requested ?? CONTENT_VERSION
  if (!Number.isInteger(version) || version < 1 || version > CONTENT_VERSION) throw new UnknownContentVersion(version)
  return version
}
