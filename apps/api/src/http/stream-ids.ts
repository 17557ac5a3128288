import type { StreamIdKind } from "@xkld/domain"
import { fail } from "./problem.ts"

/**
 * A caller-given id must be an id of the expected kind AND of the officer's province; otherwise a 400 naming
 * the field. The shape itself is also checked by the route's schema (the kind's `schema`); this adds the
 * province, which the schema cannot know. Stream ids are these ids, so a command can only reach its own kind.
 */
export function requireIdOf(kind: StreamIdKind, id: string, provinceCode: string, path: string): string {
  const problem = kind.problem(id, provinceCode)
  if (problem === undefined) return id
  throw fail(
    "validation",
    `Có 1 trường không hợp lệ: ${path} (${problem.vi})`,
    `1 invalid field(s): ${path} (${problem.en})`,
    { fields: [{ path, message: problem.vi, messageEn: problem.en }] },
  )
}
