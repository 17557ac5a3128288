import { connect, createServer } from "node:net"
import { StoreFailure } from "@xkld/event-store"
import { afterAll, expect, test } from "vitest"
import { toProblem } from "../http/to-problem.ts"
import { setLogSink } from "./log.ts"
import { isDatabaseUnavailable } from "./outage.ts"

afterAll(setLogSink(() => undefined))

/** A loopback port with nothing listening on it. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** What a connection to a stopped server fails with (the socket error node-postgres passes on). */
const refused = async () => {
  const port = await closedPort()
  return new Promise<unknown>((resolve) => {
    const socket = connect(port, "127.0.0.1")
    socket.on("error", resolve)
    socket.on("connect", () => resolve(new Error("connected")))
  })
}

test("a refused connection, bare or wrapped by the store, is the database being unavailable: 503", async () => {
  const error = await refused()
  expect(isDatabaseUnavailable(error)).toBe(true)
  const wrapped = new StoreFailure({ operation: "append", cause: error })
  expect(isDatabaseUnavailable(wrapped)).toBe(true)
  const answer = toProblem(wrapped)
  expect(answer.status).toBe(503)
  expect(answer.type).toMatch(/database-unavailable$/)
  expect(answer.detail).toContain("không có gì được ghi")
})

test("server shutdown, standby and pool-timeout failures are 503; a SQL error or a bug stays a 500", () => {
  for (const failure of [
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
    Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" }),
    new Error("Connection terminated unexpectedly"),
    new Error("timeout exceeded when trying to connect"),
    new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })]),
  ])
    expect(toProblem(failure).status, failure.message).toBe(503)
  for (const failure of [
    Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }),
    new TypeError("undefined is not a function"),
  ])
    expect(toProblem(failure).status, failure.message).toBe(500)
})
