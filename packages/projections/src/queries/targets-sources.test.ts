import { eventTypeOf } from "@xkld/domain"
import { describe, expect, test } from "vitest"
import { PREPARATION_SCHEMA_VERSIONS } from "./targets-sources.ts"

describe("the scoreboard's preparations query", () => {
  test("reads by field name the current schema version of every event it selects (a new version must update it)", () => {
    for (const [type, version] of Object.entries(PREPARATION_SCHEMA_VERSIONS))
      expect({ type, version: eventTypeOf(type)?.version }).toEqual({ type, version })
  })
})
