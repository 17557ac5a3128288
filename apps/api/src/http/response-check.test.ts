import { Schema } from "effect"
import { Hono } from "hono"
import { afterEach, describe, expect, test } from "vitest"
import type { AppServices } from "../services.ts"
import { checkResponses, responseIssues } from "./response-check.ts"
import { defineRoute, mountRoutes } from "./route.ts"

const Body = Schema.Struct({ id: Schema.String, count: Schema.Int, at: Schema.NullOr(Schema.String) })
const route = (answer: unknown) =>
  defineRoute({
    method: "get",
    path: "/t",
    summary: "t",
    summaryEn: "t",
    tags: [],
    access: "public",
    response: Body,
    handler: async () => answer,
  })

describe("an answer against its route's declared response", () => {
  test("matches when every declared key is there with its type", () => {
    expect(responseIssues(route(0), { id: "a", count: 2, at: null }, true)).toBeUndefined()
  })

  test("a declared key missing, of another type or null where not nullable is an issue", () => {
    expect(responseIssues(route(0), { id: "a", at: null }, false)).toMatch(/count/)
    expect(responseIssues(route(0), { id: "a", count: "2", at: null }, false)).toMatch(/count/)
    expect(responseIssues(route(0), { id: null, count: 2, at: null }, false)).toMatch(/id/)
  })

  test("an undeclared key is an issue only where the answer must be exact", () => {
    const answer = { id: "a", count: 2, at: null, extra: true }
    expect(responseIssues(route(0), answer, false)).toBeUndefined()
    expect(responseIssues(route(0), answer, true)).toMatch(/extra/)
  })

  test("is read as sent: a Date is its ISO text, an undefined key is absent", () => {
    const Timed = { response: Schema.Struct({ at: Schema.String, note: Schema.optional(Schema.String) }) }
    expect(responseIssues(Timed, { at: new Date(0), note: undefined }, true)).toBeUndefined()
  })
})

describe("the edge with the check on (as in the API's tests)", () => {
  afterEach(() => checkResponses(undefined))
  const answer = async (handlerAnswer: unknown) => {
    const app = new Hono()
    mountRoutes(app, [route(handlerAnswer)], {} as AppServices)
    return app.request("/t")
  }

  test("an answer outside its schema is a 500, so the test calling the route fails", async () => {
    checkResponses({ exact: () => true })
    expect((await answer({ id: "a", count: 2, at: null })).status).toBe(200)
    expect((await answer({ id: "a", count: 2.5, at: null })).status).toBe(500)
    expect((await answer({ id: "a", count: 2, at: null, extra: 1 })).status).toBe(500)
  })

  test("off (production), the answer goes out as the handler made it", async () => {
    expect((await answer({ id: "a", count: 2.5 })).status).toBe(200)
  })
})
