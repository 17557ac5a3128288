import { Result, Schema } from "effect"
import type { Context, Hono } from "hono"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { idempotent } from "../commands/execute.ts"
import { requestContextOf, type RequestContext } from "../commands/request.ts"
import type { AppServices, Session } from "../services.ts"
import { jsonBytes } from "./json-body.ts"
import { fail, respondProblem } from "./problem.ts"
import { assertDeclaredResponse } from "./response-check.ts"
import { toProblem } from "./to-problem.ts"
import { assertStorableInput, decodeInput } from "./validate.ts"

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = "public" | "signed-in" | ReadonlyArray<Role>

export interface RouteInput<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  /** Present on every route that is not public. */
  readonly actor: Actor
  /** The request as a command sees it (actor, ids, Idempotency-Key, If-Match); present where `actor` is. */
  readonly request: RequestContext
  readonly services: AppServices
  readonly c: Context
}

/**
 * A route, declared once: its contract (schemas, roles) drives validation, access checks, the OpenAPI
 * document and the tests' route matrix.
 */
export interface RouteSpec<P = any, Q = any, B = any> {
  readonly method: "get" | "post" | "put" | "patch" | "delete"
  /** Hono path syntax: `/api/workers/:id`. */
  readonly path: string
  readonly summary: string
  readonly summaryEn: string
  readonly tags: ReadonlyArray<string>
  readonly access: Access
  readonly params?: Schema.Top
  readonly query?: Schema.Top
  readonly body?: Schema.Top
  /** For documentation: the success body. */
  readonly response?: Schema.Top
  /** For documentation: other media types the success answer may be (a file the handler returns as a Response). */
  readonly files?: ReadonlyArray<string>
  readonly successStatus?: 200 | 201 | 202 | 204
  /** Writes: CSRF-checked for cookie sessions; may carry Idempotency-Key. */
  readonly write?: boolean
  /** Raw body (file upload): the handler reads it itself. */
  readonly rawBody?: { readonly contentTypes: ReadonlyArray<string> }
  /** A retry with the same `Idempotency-Key` gets the first answer and writes nothing (the edge does it). */
  readonly idempotent?: boolean
  /** The answer's `version` is sent as the `ETag` (the next `If-Match`). */
  readonly etag?: boolean
  /**
   * The answer, or a `Result` of it: a failure (a domain rejection or a store conflict, as a tagged value) is
   * turned into a problem here, at the edge. Problems of the edge (validation, access) may be thrown.
   */
  readonly handler: (input: RouteInput<P, Q, B>) => Promise<unknown>
}

export const defineRoute = <P = any, Q = any, B = any>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> => spec

const JSON_TYPE = { "Content-Type": "application/json" } as const

const SAFE_METHODS = new Set(["get", "head", "options"])

/** Mounts routes on the app: session, access, CSRF, validation, handler, and problems at one edge. */
export function mountRoutes(app: Hono, routes: ReadonlyArray<RouteSpec>, services: AppServices): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      try {
        const session = route.access === "public" ? undefined : await services.authenticate(c)
        if (route.access !== "public") checkAccess(route, session, c)
        assertStorableInput(c.req.param(), "params")
        const query = route.query ? queryOf(route.query, c) : (assertStorableInput(c.req.query(), "query"), {})
        const params = route.params ? decodeInput(route.params, c.req.param(), "params") : c.req.param()
        let body: unknown = undefined
        if (route.body) {
          const type = c.req.header("content-type") ?? ""
          if (!type.includes("application/json"))
            throw fail(
              "unsupported-media-type",
              "Dữ liệu phải gửi dạng JSON (application/json).",
              "Send JSON (application/json).",
            )
          const raw = await c.req.json().catch(() => {
            throw fail("validation", "Nội dung JSON không đọc được.", "The JSON body cannot be parsed.", {
              fields: [{ path: "body", message: "JSON không hợp lệ", messageEn: "Malformed JSON" }],
            })
          })
          assertStorableInput(raw, "body")
          body = decodeInput(route.body, raw, "body")
        }
        const actor = session?.actor as Actor
        const request = actor ? requestContextOf(c, actor) : (undefined as unknown as RequestContext)
        const input: RouteInput<any, any, any> = { params, query, body, actor, request, services, c }
        const run = async () => asResult(await route.handler(input))
        const outcome = route.idempotent && actor ? await idempotent(services, request, body, run) : await run()
        if (Result.isFailure(outcome)) return respondProblem(c, toProblem(outcome.failure))
        const result = outcome.success
        if (result instanceof Response) return result
        if (route.successStatus !== 204) assertDeclaredResponse(route, result)
        if (route.etag) c.header("ETag", `"${(result as { version: number }).version}"`)
        if (route.successStatus === 204) return c.body(null, 204)
        const text = jsonBytes(result)
        const status = route.successStatus ?? 200
        return typeof text === "string" ? c.body(text, status, JSON_TYPE) : c.body(text, status, JSON_TYPE)
      } catch (error) {
        return respondProblem(c, toProblem(error))
      }
    })
  }
}

const KEPT_QUERIES = 256
const decodedQueries = new WeakMap<Schema.Top, Map<string, unknown>>()

/**
 * A route's query, decoded once per distinct query text (an office asks the same few queries over and over, and
 * decoding was 5% of a cached read). Only queries that decoded are kept; the value is shared, so it is frozen.
 */
function queryOf(schema: Schema.Top, c: Context): unknown {
  const url = c.req.url
  const at = url.indexOf("?")
  const text = at < 0 ? "" : url.slice(at)
  let known = decodedQueries.get(schema)
  if (!known) decodedQueries.set(schema, (known = new Map()))
  const found = known.get(text)
  if (found !== undefined) return found
  const raw = c.req.query()
  assertStorableInput(raw, "query")
  const value = Object.freeze(decodeInput(schema, raw, "query"))
  known.set(text, value)
  if (known.size > KEPT_QUERIES) known.delete(known.keys().next().value!)
  return value
}

function checkAccess(route: RouteSpec, session: Session | undefined, c: Context): void {
  if (!session) throw fail("unauthenticated", "Vui lòng đăng nhập.", "Please sign in.")
  if (route.access !== "signed-in" && !route.access.includes(session.actor.role))
    throw fail("forbidden", "Vai trò của bạn không được phép dùng chức năng này.", "Your role may not use this route.")
  // Cookie-authenticated writes must echo the session's CSRF token (SameSite=Strict is the first line).
  if (!SAFE_METHODS.has(route.method) && c.req.header("x-csrf-token") !== session.csrfToken)
    throw fail("csrf", "Thiếu hoặc sai mã X-CSRF-Token của phiên đăng nhập.", "Missing or wrong X-CSRF-Token header.")
}

const asResult = (answer: unknown): Result.Result<unknown, unknown> =>
  Result.isResult(answer) ? answer : Result.succeed(answer)
