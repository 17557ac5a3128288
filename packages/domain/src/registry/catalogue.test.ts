import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { EventType } from "../shared/event-type.ts"
import { IsoDate, LegalBasis } from "../shared/values.ts"
import { eventCatalogue, streamTypeLabelsVi } from "./catalogue.ts"
import { allEventTypes, allStreamTypes } from "./event-types.ts"

const STALE = "docs/events.md is stale: run pnpm --filter @xkld/domain events:doc"
const docPath = new URL("../../../../docs/events.md", import.meta.url)
const readDoc = (): string | undefined => {
  try {
    return readFileSync(docPath, "utf8")
  } catch {
    return undefined
  }
}

const catalogue = eventCatalogue()
const section = (heading: string): string => {
  const start = catalogue.indexOf(`\n${heading}\n`)
  expect(start, heading).toBeGreaterThanOrEqual(0)
  const next = catalogue.slice(start + heading.length + 2).search(/\n#{1,3} /)
  return catalogue.slice(start, next === -1 ? undefined : start + heading.length + 2 + next)
}

describe("docs/events.md", () => {
  it("is the catalogue generated from the current schemas", () => {
    if (readDoc() !== catalogue) throw new Error(STALE)
  })
})

describe("eventCatalogue", () => {
  it("has an English title with a Vietnamese subtitle and is deterministic", () => {
    expect(catalogue.startsWith("# Event catalogue\n\n_Danh mục sự kiện")).toBe(true)
    expect(eventCatalogue()).toBe(catalogue)
    expect(catalogue).toContain(`${allEventTypes.length} event types in ${allStreamTypes.length} stream types.`)
  })

  it("has a section per stream type, with its Vietnamese name, and a heading per event type", () => {
    for (const streamType of allStreamTypes) {
      expect(streamTypeLabelsVi[streamType], streamType).toBeDefined()
      expect(section(`## ${streamType}`)).toContain(`_${streamTypeLabelsVi[streamType]}_`)
    }
    for (const t of allEventTypes) {
      const text = section(`### ${t.type}`)
      expect(text).toContain(t.description)
      expect(text).toContain(`Stream type \`${t.streamType}\` · schema version ${t.version}`)
    }
  })

  it("describes WorkerRegistered: version, upcaster, field types and personal fields", () => {
    const text = section("### WorkerRegistered")
    expect(text).toContain("schema version 2 · upcasters v1 → v2")
    expect(text).toContain("| `birthYear` | integer (1900–2200) | yes |  |")
    expect(text).toContain('| `sex` | "male" \\| "female" | yes |  |')
    expect(text).toContain('| `priorityGroups` | ("poorHousehold" \\| "nearPoorHousehold" \\|')
    expect(text).toContain("| `occurredOn` | [IsoDate](#isodate) | yes |  |")
    expect(text).toContain("| `identity` | [SealedPersonal](#sealedpersonal) | yes | yes |")
    expect(text).toContain("| `sensitive` | [SealedPersonal](#sealedpersonal) | no | yes |")
    expect(text).toContain("| `blindIndex` | string | yes |  |")
    expect(text).not.toContain("`_tag`")
  })

  it("marks the personal parts of a correction's replaced fact", () => {
    expect(section("### WorkerFactCorrected")).toContain(
      "| `replacement` | [WorkerFact](#workerfact) | yes | partly: `identity`, `sensitive` |",
    )
    expect(section("### WorkerFact")).toContain("One of: [WorkerRegistered](#workerregistered), ")
  })

  it("describes each shared value type once, with its fields", () => {
    const legalBasis = section("### LegalBasis")
    expect(legalBasis).toContain("| `date` | [IsoDate](#isodate) | yes |")
    expect(legalBasis).toContain("| `title` | string | no |")
    expect(section("### IsoDate")).toContain("Calendar date yyyy-mm-dd")
    expect(catalogue.match(/\n### LegalBasis\n/g)).toHaveLength(1)
  })

  it("links only to headings that exist", () => {
    const anchors = new Set([...catalogue.matchAll(/^#{2,3} (\S+)$/gm)].map((m) => m[1]!.toLowerCase()))
    const targets = [...catalogue.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    expect(targets.length).toBeGreaterThan(100)
    for (const target of targets) expect(anchors, target).toContain(target)
  })

  it("keeps every table row to the columns of its header (pipes in types are escaped)", () => {
    const cells = (line: string) => line.replaceAll("\\|", "").split("|").length
    let columns = 0
    for (const line of catalogue.split("\n")) {
      if (!line.startsWith("|")) columns = 0
      else if (columns === 0) columns = cells(line)
      else expect(cells(line), line).toBe(columns)
    }
  })

  it("renders a small registry exactly", () => {
    const Thing = Schema.TaggedClass<{ _tag: "ThingHappened" }>()("ThingHappened", {
      on: IsoDate,
      basis: Schema.optional(LegalBasis),
      tags: Schema.Array(Schema.String),
    })
    const entry: EventType = {
      type: "ThingHappened",
      version: 1,
      streamType: "Thing",
      description: "A thing happened",
      personalFields: [],
      schema: Thing,
    }
    const text = eventCatalogue([entry], [["LegalBasis", LegalBasis]])
    expect(text).toContain(
      [
        "## Thing",
        "",
        "| Event | Version | Description | Personal fields |",
        "|---|---|---|---|",
        "| [ThingHappened](#thinghappened) | 1 | A thing happened |  |",
        "",
        "### ThingHappened",
        "",
        "A thing happened.",
        "",
        "Stream type `Thing` · schema version 1",
        "",
        "| Field | Type | Required | Personal (encrypted) |",
        "|---|---|---|---|",
        "| `on` | IsoDate | yes |  |",
        "| `basis` | [LegalBasis](#legalbasis) | no |  |",
        "| `tags` | string[] | yes |  |",
        "",
        "## Value types",
      ].join("\n"),
    )
    expect(text).toContain("### LegalBasis")
  })
})
