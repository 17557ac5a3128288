import { Schema } from "effect"
import { looseKey, readDate, readFail, readOk, textOf, type Plain, type Read } from "./spreadsheet.ts"

/**
 * A cell read as the value a fact's field takes, by what the field's schema accepts (probed, not declared twice):
 * a choice (its Vietnamese label or its code), yes/no, a whole number ("1.500.000"), money ("1.500 USD"), a date
 * (dd/mm/yyyy), a code (upper case) or text. The schema then checks the value, as the write route's body would.
 */

/** Vietnamese labels of the choices the facts take (by the literal's value). */
export const CHOICE_LABELS: Readonly<Record<string, string>> = {
  language: "Ngoại ngữ",
  vocational: "Nghề",
  orientation: "Giáo dục định hướng",
  applied: "Đã nộp hồ sơ",
  approved: "Đã phê duyệt",
  disbursed: "Đã giải ngân",
  rejected: "Bị từ chối",
  repaid: "Đã trả nợ",
  onTime: "Đúng hạn",
  early: "Trước hạn",
  late: "Quá hạn",
  leftWorkplace: "Bỏ trốn khỏi nơi làm việc",
  contractBreach: "Vi phạm hợp đồng",
  lawOfHostCountry: "Vi phạm pháp luật nước sở tại",
  other: "Khác",
  domesticJob: "Việc làm trong nước",
  workAbroadAgain: "Đi làm việc ở nước ngoài lần nữa",
  vocationalTraining: "Học nghề",
  startBusiness: "Khởi nghiệp",
  interview: "Phỏng vấn",
  exam: "Thi tuyển",
  epsKoreanTest: "Kỳ thi tiếng Hàn (EPS)",
  sat: "Đã dự thi",
  passed: "Đạt",
  failed: "Không đạt",
  wageDispute: "Tranh chấp tiền lương, chế độ",
  workAccident: "Tai nạn lao động",
  illness: "Ốm đau, bệnh tật",
  abuse: "Bị ngược đãi, quấy rối",
  detention: "Bị bắt giữ, tạm giam",
  death: "Tử vong",
  deceased: "Tử vong",
  missing: "Mất tích",
  commune: "UBND xã, phường",
  police: "Công an",
  employedDomestically: "Có việc làm trong nước",
  selfEmployed: "Tự tạo việc làm, khởi nghiệp",
  workingAbroadAgain: "Tiếp tục đi làm việc ở nước ngoài",
  inTraining: "Đang học nghề, học tập",
  notYetReintegrated: "Chưa ổn định, cần hỗ trợ",
}

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
