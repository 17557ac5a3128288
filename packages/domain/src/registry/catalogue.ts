import { type Schema, SchemaAST } from "effect"
import type { EventType } from "../shared/event-type.ts"
import { allEventTypes } from "./event-types.ts"
import { namedTypes } from "./named-types.ts"
import { type Field, fieldsOf, fieldsOfAst, storedStruct } from "./schema-fields.ts"
import { typeText } from "./type-text.ts"

/** What each stream type is called in Vietnamese (the subtitle of its section). */
export const streamTypeLabelsVi: Readonly<Record<string, string>> = {
  AdminUnit: "Đơn vị hành chính",
  IssuedReport: "Báo cáo định kỳ đã ban hành",
  Enterprise: "Doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài",
  PersonRegistration: "Đăng ký của một người trong tỉnh (chống đăng ký trùng)",
  PlanTask: "Nhiệm vụ, giải pháp của kế hoạch",
  QuotaPlan: "Đề án, kế hoạch và giao chỉ tiêu",
  ReportingObligation: "Chế độ báo cáo",
  Worker: "Người lao động",
}

export const CATALOGUE_COMMAND = "pnpm --filter @xkld/domain events:doc"

const anchor = (name: string): string => name.toLowerCase().replace(/[^a-z0-9-]/g, "")
const link = (name: string): string => `[${name}](#${anchor(name)})`
/** Table cells cannot hold a pipe or a line break. */
const cell = (text: string): string => text.replace(/\r?\n/g, " ").replaceAll("|", "\\|")
const describedAs = (ast: SchemaAST.AST): string => {
  const description = SchemaAST.resolveDescription(ast)
  return description === undefined ? "" : ` — ${description}.`
}
const row = (cells: ReadonlyArray<string>): string => `| ${cells.map(cell).join(" | ")} |`
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => [
  row(header),
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map(row),
]

/** The fields of the stored data: the tag repeats the type, so it is left out. */
const dataFields = (fields: ReadonlyArray<Field>) => fields.filter((f) => f.name !== "_tag")
const required = (f: Field) => (f.optional ? "no" : "yes")

/** "yes" for a personal field, "partly: …" when only parts of it are (a correction's replaced fact), else empty. */
const personalText = (entry: EventType, field: string): string => {
  if (entry.personalFields.includes(field)) return "yes"
  const parts = entry.personalFields
    .filter((p) => p.startsWith(`${field}.`))
    .map((p) => `\`${p.slice(field.length + 1)}\``)
  return parts.length === 0 ? "" : `partly: ${parts.join(", ")}`
}

/**
 * The event catalogue (docs/events.md) generated from the registry: per stream type, a summary table and, per event,
 * its version, description and fields with their types and which hold personal (encrypted) data; then the shared
 * value types. Pure and deterministic: the same registry gives the same text.
 */
export const eventCatalogue = (
  entries: ReadonlyArray<EventType> = allEventTypes,
  named: ReadonlyArray<readonly [string, Schema.Top]> = namedTypes,
): string => {
  const nameByAst = new Map<SchemaAST.AST, string>(named.map(([name, schema]) => [schema.ast, name]))
  const eventNames = new Set(entries.map((e) => e.type))
  const used = new Set<string>()
  const nameOf = (ast: SchemaAST.AST): string | undefined => {
    const name = nameByAst.get(ast)
    if (name !== undefined) {
      used.add(name)
      return link(name)
    }
    const identifier = SchemaAST.isDeclaration(ast) ? SchemaAST.resolveIdentifier(ast) : undefined
    return identifier !== undefined && eventNames.has(identifier) ? link(identifier) : undefined
  }
  const text = (ast: SchemaAST.AST) => typeText(ast, { nameOf })

  const streamTypes = [...new Set(entries.map((e) => e.streamType))].toSorted()
  const out: Array<string> = [
    "# Event catalogue",
    "",
    "_Danh mục sự kiện — sinh tự động từ lược đồ của các sự kiện, không sửa tay._",
    "",
    "Generated from the event schemas of `@xkld/domain` (`packages/domain/src/registry/catalogue.ts`). Do not edit by",
    `hand: run \`${CATALOGUE_COMMAND}\` after changing an event; a test fails while this file is stale.`,
    "",
    "The log stores each event as its type, the schema version it was written with and JSON data (which repeats the",
    "type as `_tag`). Events written with an older version are upcast when read; stored events are never rewritten.",
    "Fields marked personal hold a [SealedPersonal](#sealedpersonal) envelope encrypted with the person's own key",
    "(ADR 0007): deleting that key erases them, while the clear fields stay for statistics.",
    "",
    `${entries.length} event types in ${streamTypes.length} stream types.`,
    "",
    ...table(
      ["Stream type", "Tiếng Việt", "Events"],
      streamTypes.map((s) => [
        link(s),
        streamTypeLabelsVi[s] ?? "",
        String(entries.filter((e) => e.streamType === s).length),
      ]),
    ),
  ]

  for (const streamType of streamTypes) {
    const inStream = entries.filter((e) => e.streamType === streamType)
    out.push("", `## ${streamType}`, "")
    const label = streamTypeLabelsVi[streamType]
    if (label !== undefined) out.push(`_${label}_`, "")
    out.push(
      ...table(
        ["Event", "Version", "Description", "Personal fields"],
        inStream.map((e) => [
          link(e.type),
          String(e.version),
          e.description,
          e.personalFields.map((p) => `\`${p}\``).join(", "),
        ]),
      ),
    )
    for (const entry of inStream) {
      const upcast = Array.from({ length: entry.version - 1 }, (_, i) => `v${i + 1} → v${i + 2}`)
      out.push(
        "",
        `### ${entry.type}`,
        "",
        entry.description + ".",
        "",
        `Stream type \`${entry.streamType}\` · schema version ${entry.version}` +
          (upcast.length > 0 ? ` · upcasters ${upcast.join(", ")}` : ""),
        "",
        ...table(
          ["Field", "Type", "Required", "Personal (encrypted)"],
          dataFields(fieldsOf(entry.schema)).map((f) => [
            `\`${f.name}\``,
            text(f.type),
            required(f),
            personalText(entry, f.name),
          ]),
        ),
      )
    }
  }

  // The shared value types the tables above (and these descriptions) name, each described once, by name.
  const described = new Set<string>()
  const sections = new Map<string, ReadonlyArray<string>>()
  for (let pending = [...used]; pending.length > 0; pending = [...used].filter((n) => !described.has(n))) {
    for (const name of pending) {
      described.add(name)
      const schema = named.find(([n]) => n === name)![1]
      const body = storedStruct(schema.ast)
        ? table(
            ["Field", "Type", "Required"],
            dataFields(fieldsOfAst(schema.ast)).map((f) => [`\`${f.name}\``, text(f.type), required(f)]),
          )
        : SchemaAST.isUnion(schema.ast)
          ? [`One of: ${schema.ast.types.map(text).join(", ")}.`]
          : [typeText(schema.ast, { nameOf, expand: true }) + describedAs(schema.ast)]
      sections.set(name, body)
    }
  }
  if (sections.size > 0) out.push("", "## Value types", "", "_Kiểu giá trị dùng chung_")
  for (const name of [...sections.keys()].toSorted()) out.push("", `### ${name}`, "", ...sections.get(name)!)
  return out.join("\n") + "\n"
}
