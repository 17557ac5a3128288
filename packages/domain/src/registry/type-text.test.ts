import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Count, IsoDate, LegalBasis } from "../shared/values.ts"
import { WorkerDeparted } from "../worker/events.ts"
import { typeText } from "./type-text.ts"

const text = (schema: Schema.Top) => typeText(schema.ast)

describe("typeText", () => {
  it("prints scalars with their checks", () => {
    expect(text(Schema.String)).toBe("string")
    expect(text(Schema.String.check(Schema.isMinLength(1)))).toBe("string (non-empty)")
    expect(text(Schema.String.check(Schema.isMinLength(3), Schema.isMaxLength(9)))).toBe(
      "string (length ≥ 3, length ≤ 9)",
    )
    expect(text(Schema.String.check(Schema.isPattern(/^\d{5}$/)))).toBe("string (pattern `^\\d{5}$`)")
    expect(text(Count)).toBe("integer (≥ 0)")
    expect(text(Schema.Finite)).toBe("number")
    expect(text(Schema.Number.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1)))).toBe("number (> 0, ≤ 1)")
    expect(text(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 12 })))).toBe("integer (1–12)")
    expect(text(Schema.Boolean)).toBe("boolean")
  })

  it("prints literals, unions, nullables and arrays", () => {
    expect(text(Schema.Literals(["male", "female"]))).toBe('"male" | "female"')
    expect(text(Schema.NullOr(Schema.Int))).toBe("integer | null")
    expect(text(Schema.Array(Schema.String))).toBe("string[]")
    expect(text(Schema.Array(Schema.Literals(["a", "b"])))).toBe('("a" | "b")[]')
  })

  it("prints named types by name and structs in short form", () => {
    expect(text(IsoDate)).toBe("IsoDate")
    expect(text(LegalBasis)).toBe("{ number: string, date: IsoDate, issuer: string, title?: string }")
    expect(text(WorkerDeparted)).toBe("WorkerDeparted")
    expect(typeText(IsoDate.ast, { expand: true })).toBe(
      "string (pattern `^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`, a day that exists, 1900–2100)",
    )
  })

  it("asks the caller for names first", () => {
    const nameOf = (ast: unknown) => (ast === LegalBasis.ast ? "LB" : undefined)
    expect(typeText(Schema.Array(Schema.NullOr(LegalBasis)).ast, { nameOf })).toBe("(LB | null)[]")
    expect(typeText(LegalBasis.ast, { nameOf, expand: true })).toBe(
      "{ number: string, date: IsoDate, issuer: string, title?: string }",
    )
  })
})
