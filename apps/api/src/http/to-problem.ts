import { errorFields, log } from "../observability/log.ts"
import { databaseUnavailable } from "../observability/metrics.ts"
import { isDatabaseUnavailable } from "../observability/outage.ts"
import { fail, problem, ProblemError, type Problem } from "./problem.ts"

/**
 * The one place where failures become HTTP problems. Tagged values from the store and the domain carry
 * what the officer needs to read; anything unknown is a 500 and is logged, never shown.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem
  // The database stopped, restarting or failing over: nothing was written; the client retries after a while.
  if (isDatabaseUnavailable(error)) {
    databaseUnavailable.inc()
    log("warn", "database unavailable", errorFields(error))
    return problem(
      "database-unavailable",
      "Cơ sở dữ liệu tạm thời không truy cập được; không có gì được ghi. Vui lòng thử lại sau ít giây.",
      "The database cannot be reached for now; nothing was written. Please retry in a few seconds.",
    )
  }
  const tagged = error as {
    _tag?: string
    message?: string
    messageEn?: string
    actualVersion?: number
    streamId?: string
    streamType?: string
    eventType?: string
    expectedStreamType?: string
    actualStreamType?: string
  }
  switch (tagged?._tag) {
    case "WrongExpectedVersion":
      return problem(
        "wrong-expected-version",
        `Hồ sơ đã được cập nhật bởi người khác (phiên bản hiện tại ${tagged.actualVersion}); hãy tải lại và thử lại.`,
        `The record changed meanwhile (current version ${tagged.actualVersion}); reload and retry.`,
        { currentVersion: tagged.actualVersion },
      )
    case "IdempotencyConflict":
      return problem(
        "idempotency-key-reused",
        "Mã sự kiện đã được dùng cho một yêu cầu khác.",
        "Event ids already used by another request.",
      )
    case "StreamTypeMismatch":
      // the store's backstop (migration 0006): ids are checked at the route, so this is a bug, not a user error
      log("error", "append refused: stream type mismatch", errorFields(error))
      return problem(
        "stream-type-mismatch",
        `Mã ${tagged.streamId} đã thuộc một hồ sơ loại ${tagged.actualStreamType}; không thể ghi dữ liệu loại ${tagged.expectedStreamType} vào đó. Không có gì được ghi.`,
        `${tagged.streamId} is a ${tagged.actualStreamType} stream; ${tagged.expectedStreamType} events cannot be written to it. Nothing was written.`,
        { streamId: tagged.streamId, streamType: tagged.actualStreamType },
      )
    case "UnknownStreamEvent":
      // a data fault in the log (a stream that mixes kinds): name the stream, refuse the command, never crash
      log("error", "stream holds an event of another kind", errorFields(error))
      return problem(
        "stream-unreadable",
        `Hồ sơ ${tagged.streamId} có sự kiện ${tagged.eventType} không thuộc loại ${tagged.streamType}; không thể xử lý hồ sơ này cho đến khi dữ liệu được khắc phục. Không có gì được ghi; vui lòng báo quản trị hệ thống.`,
        `Stream ${tagged.streamId} holds a ${tagged.eventType} event, which is not a ${tagged.streamType} event; it cannot be processed until the data is repaired. Nothing was written; please tell the administrator.`,
        { streamId: tagged.streamId, streamType: tagged.streamType, eventType: tagged.eventType },
      )
    case "StoreFailure":
    case undefined:
      break
    default:
      // A domain rejection: a Schema.TaggedError with a Vietnamese message (and often an English one).
      if (typeof tagged.message === "string")
        return problem("rejected", tagged.message, tagged.messageEn ?? tagged.message, { rejection: tagged._tag })
  }
  log("error", "unexpected error", {
    ...errorFields(error),
    stack: (error as Error)?.stack?.split("\n").slice(1, 6).join(" | "),
  })
  return problem("internal", "Đã xảy ra lỗi hệ thống; vui lòng thử lại sau.", "Internal error; please retry later.")
}

export const notFound = (what: string, whatEn: string) =>
  fail("not-found", `Không tìm thấy ${what}.`, `${whatEn} not found.`)
export const forbidden = (detail = "Bạn không có quyền thực hiện thao tác này.", detailEn = "You may not do this.") =>
  fail("forbidden", detail, detailEn)
