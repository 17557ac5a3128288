import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"

/** One offending field: a JSON path and what is wrong with it (Vietnamese, then English). */
export interface ProblemField {
  readonly path: string
  readonly message: string
  readonly messageEn?: string | undefined
}

/**
 * RFC 9457 problem details. `title`/`detail` are Vietnamese (what an officer reads); `titleEn`/`detailEn`
 * are English. `type` is stable: clients branch on it, never on the text.
 */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly titleEn: string
  readonly status: number
  readonly detail: string
  readonly detailEn: string
  readonly fields?: ReadonlyArray<ProblemField>
  readonly [extension: string]: unknown
}

const BASE = "https://xkld.gov.vn/problems/"

/** The catalogue of problem types: one place for status and titles. */
export const problemTypes = {
  validation: { status: 400, title: "Dữ liệu không hợp lệ", titleEn: "Invalid input" },
  unauthenticated: { status: 401, title: "Chưa đăng nhập", titleEn: "Not signed in" },
  "bad-credentials": { status: 401, title: "Sai tên đăng nhập hoặc mật khẩu", titleEn: "Wrong username or password" },
  forbidden: { status: 403, title: "Không có quyền", titleEn: "Forbidden" },
  csrf: { status: 403, title: "Thiếu mã chống giả mạo yêu cầu", titleEn: "Missing or wrong CSRF token" },
  "not-found": { status: 404, title: "Không tìm thấy", titleEn: "Not found" },
  "wrong-expected-version": { status: 409, title: "Dữ liệu đã bị thay đổi", titleEn: "Version conflict" },
  "stream-type-mismatch": {
    status: 409,
    title: "Mã hồ sơ đã thuộc loại hồ sơ khác",
    titleEn: "The id belongs to a record of another kind",
  },
  "stream-unreadable": {
    status: 409,
    title: "Hồ sơ có sự kiện không thuộc loại của nó",
    titleEn: "The record holds an event of another kind",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "Khóa chống trùng đã dùng cho yêu cầu khác",
    titleEn: "Idempotency key reused",
  },
  "report-not-reproducible": {
    status: 409,
    title: "Tệp tạo lại không trùng tệp đã ban hành",
    titleEn: "The regenerated file differs from the issued one",
  },
  rejected: { status: 422, title: "Yêu cầu bị từ chối theo quy định", titleEn: "Rejected by a business rule" },
  "import-invalid": {
    status: 422,
    title: "Tệp nhập có dòng không hợp lệ",
    titleEn: "The import file has invalid rows",
  },
  "payload-too-large": { status: 413, title: "Dữ liệu gửi lên quá lớn", titleEn: "Payload too large" },
  "unsupported-media-type": {
    status: 415,
    title: "Định dạng dữ liệu không được hỗ trợ",
    titleEn: "Unsupported media type",
  },
  "too-many-requests": { status: 429, title: "Thử quá nhiều lần", titleEn: "Too many attempts" },
  "account-locked": { status: 423, title: "Tài khoản tạm khóa", titleEn: "Account locked" },
  internal: { status: 500, title: "Lỗi hệ thống", titleEn: "Internal error" },
  "database-unavailable": {
    status: 503,
    title: "Cơ sở dữ liệu tạm thời không truy cập được",
    titleEn: "Database temporarily unavailable",
  },
} as const satisfies Record<string, { status: number; title: string; titleEn: string }>

export type ProblemType = keyof typeof problemTypes

export const problem = (
  type: ProblemType,
  detail: string,
  detailEn: string,
  extensions: Record<string, unknown> = {},
): Problem => ({ type: BASE + type, ...problemTypes[type], detail, detailEn, ...extensions })

/** A problem as a value that can travel through Effect's error channel and be thrown through Hono. */
export class ProblemError extends Error {
  readonly problem: Problem
  constructor(p: Problem) {
    super(p.detailEn)
    this.problem = p
  }
}

export const fail = (...args: Parameters<typeof problem>): ProblemError => new ProblemError(problem(...args))

/** Seconds after which a 503 may be retried (a database restart or failover takes seconds). */
export const RETRY_AFTER_SECONDS = 5

export const respondProblem = (c: Context, p: Problem) =>
  c.newResponse(JSON.stringify(p), p.status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
    ...(p.status === 503 ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}),
  })
