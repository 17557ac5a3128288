import { Exit, Schema } from "effect"
import type { RouteSpec } from "./route.ts"

/**
 * The declared response is the contract the admin app's generated client is typed from (`/api/openapi.json`).
 * Tests switch this check on (test/support/test-app.ts): every JSON answer of a route that declares a response is
 * decoded, as sent, against that schema's encoded side, so an answer that drifts from its declaration (a declared
 * key missing, null or of another type) fails the test that called the route. For the routes `exact` names, a key
 * the schema does not declare fails too (the schema is the whole answer). Off in production (a decode per answer).
 */
export interface ResponseCheck {
  readonly exact: (route: Pick<RouteSpec, "method" | "path">) => boolean
}
let checking: ResponseCheck | undefined
export const checkResponses = (check: ResponseCheck | undefined): void => {
  checking = check
}

export class ResponseMismatch extends Error {
  override readonly name = "ResponseMismatch"
}

type Decode = (
  input: unknown,
  options: { onExcessProperty: "error" | "ignore"; errors: "all" },
) => Exit.Exit<unknown, unknown>
const decoders = new WeakMap<Schema.Top, Decode>()

const decoderOf = (schema: Schema.Top): Decode => {
  let decode = decoders.get(schema)
  if (!decode) {
    decode = Schema.decodeUnknownExit(Schema.toEncoded(schema as Schema.Codec<unknown, unknown>)) as Decode
    decoders.set(schema, decode)
  }
  return decode
}

/** The issues of an answer against its route's declared response (undefined when it matches or nothing is declared). */
export function responseIssues(
  route: Pick<RouteSpec, "response">,
  answer: unknown,
  exact: boolean,
): string | undefined {
  if (!route.response) return undefined
  const json: unknown = JSON.parse(JSON.stringify(answer ?? null))
  const exit = decoderOf(route.response)(json, { onExcessProperty: exact ? "error" : "ignore", errors: "all" })
  return Exit.isFailure(exit) ? String(exit.cause) : undefined
}

/** Throws (a 500 at the edge, logged) when checking is on and the answer is not what the route declares. */
export function assertDeclaredResponse(route: RouteSpec, answer: unknown): void {
  if (!checking) return
  const issues = responseIssues(route, answer, checking.exact(route))
  if (issues)
    throw new ResponseMismatch(
      `${route.method.toUpperCase()} ${route.path} answered outside its declared response schema: ${issues}`,
    )
}
