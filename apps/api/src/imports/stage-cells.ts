import { Schema } from "effect"
import { CHOICE_LABELS } from "./stage-columns.ts"
import { looseKey, readDate, readFail, readOk, textOf, type Plain, type Read } from "./spreadsheet.ts"

/**
 * A cell read as the value a fact's field takes, by what the field's schema accepts (probed, not declared twice):
 * a choice (its Vietnamese label or its code), yes/no, a whole number ("1.500.000"), money ("1.500 USD"), a date
 * (dd/mm/yyyy), a code (upper case) or text. The schema then checks the value, as the write route's body would.
 */

type FieldKind = "choice" | "boolean" | "integer" | "money" | "date" | "code" | "text" | "unsupported"

interface Field {
  readonly kind: FieldKind
  readonly optional: boolean
  readonly schema: Schema.Top
  readonly literals: ReadonlyArray<string>
}

const accepts = (schema: Schema.Top, value: unknown) =>
  Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(value)._tag === "Success"

const cache = new WeakMap<object, Field>()

/** What a field's schema accepts (cached per schema). */
export function fieldOf(declared: Schema.Top): Field {
  const seen = cache.get(declared)
  if (seen) return seen
  const optional = (declared.ast as { context?: { isOptional?: boolean } }).context?.isOptional === true
  const schema = (
    optional ? ((declared as unknown as { schema?: Schema.Top }).schema ?? declared) : declared
  ) as Schema.Top
  const literals = ((schema as unknown as { literals?: ReadonlyArray<unknown> }).literals ?? []).map(String)
  const kind: FieldKind =
    literals.length > 0
      ? "choice"
      : accepts(schema, true)
        ? "boolean"
        : accepts(schema, 1)
          ? "integer"
          : accepts(schema, { amount: 1, currency: "VND" })
            ? "money"
            : accepts(schema, "2020-01-31") && !accepts(schema, "31/01/2020")
              ? "date"
              : accepts(schema, "KR") && !accepts(schema, "kr")
                ? "code"
                : accepts(schema, "x")
                  ? "text"
                  : "unsupported"
  const field = { kind, optional, schema, literals }
  cache.set(declared, field)
  return field
}

const choiceLabel = (literal: string) => CHOICE_LABELS[literal] ?? literal

/** The choices of a field as officers read them. */
export const choicesOf = (field: Field): string => field.literals.map(choiceLabel).join(", ")

const integerOf = (value: Plain): number | undefined => {
  if (typeof value === "number") return value
  const text = (textOf(value) ?? "").replace(/[\s.,]/g, "")
  return /^-?\d+$/.test(text) ? Number(text) : undefined
}

const yesNo = (value: Plain): boolean | undefined => {
  if (typeof value === "boolean") return value
  const key = looseKey(textOf(value) ?? "")
  if (["co", "x", "yes", "1"].includes(key)) return true
  if (["khong", "no", "0"].includes(key)) return false
  return undefined
}

/** A cell as the field's value, checked by the field's schema; a Vietnamese message otherwise. */
export function readField(field: Field, value: Plain): Read<unknown> {
  const shown = textOf(value) ?? ""
  const invalid = (hint: string, hintEn: string) =>
    readFail(`Giá trị “${shown}” không hợp lệ; ${hint}.`, `"${shown}" is not valid: ${hintEn}.`)
  let candidate: unknown
  switch (field.kind) {
    case "choice": {
      const key = looseKey(shown)
      candidate = field.literals.find((l) => looseKey(l) === key || looseKey(choiceLabel(l)) === key)
      if (candidate === undefined) return invalid(`chọn một trong: ${choicesOf(field)}`, "not one of the choices")
      break
    }
    case "boolean":
      candidate = yesNo(value)
      if (candidate === undefined) return invalid("ghi “Có” hoặc “Không”", "write Có or Không")
      break
    case "integer":
      candidate = integerOf(value)
      break
    case "money": {
      const money = /^([\d\s.,]+)\s*([A-Za-z]{3})?$/.exec(shown)
      const amount = money ? integerOf(money[1]!) : undefined
      if (amount === undefined) return invalid("ghi số tiền và mã tiền tệ, ví dụ “1.500 USD”", "amount and currency")
      candidate = { amount, currency: (money![2] ?? "VND").toUpperCase() }
      break
    }
    case "date": {
      const date = readDate(value)
      if (!date.ok) return date
      candidate = date.value
      break
    }
    case "code":
      candidate = shown.toUpperCase()
      break
    case "text":
      candidate = shown
      break
    case "unsupported":
      return readFail(
        "Trường này không nhập được từ Excel; hãy ghi nhận qua giao diện hoặc API.",
        "This field cannot be imported from Excel.",
      )
  }
  if (candidate === undefined || !accepts(field.schema, candidate))
    return field.kind === "integer"
      ? invalid("cần một số nguyên trong khoảng cho phép", "a whole number in range")
      : field.kind === "code"
        ? invalid("cần mã 2 chữ cái in hoa, ví dụ KR", "a 2-letter code")
        : invalid("rỗng, quá dài hoặc sai định dạng", "empty, too long or malformed")
  return readOk(candidate)
}
