import pg from "pg"
import { expect, test } from "vitest"
import { hostRouting } from "./hosts.ts"

test("one host without a session target: the address as given, a client that survives the server ending it", () => {
  const routing = hostRouting("postgres://xkld@db1:5433/xkld?sslmode=disable")
  expect(routing.url).toBe("postgres://xkld@db1:5433/xkld?sslmode=disable")
  expect(new routing.Client()).toBeInstanceOf(pg.Client)
  // a server-side disconnect (FATAL 57P01 on an idle checked-out client) must not throw from an unheard event
  expect(() => new routing.Client().emit("error", new Error("terminating connection"))).not.toThrow()
  expect(routing.hosts).toEqual(["db1:5433"])
})

test("several hosts with target_session_attrs=read-write: the first host for pg, a routing client, every host named", () => {
  const routing = hostRouting(
    "postgresql://app:s%40cret@db1:5432,db2,[fd00::3]:6432/xkld?target_session_attrs=read-write&application_name=xkld",
  )
  expect(routing.url).toBe("postgresql://app:s%40cret@db1:5432/xkld?application_name=xkld")
  expect(new routing.Client()).toBeInstanceOf(pg.Client)
  expect(routing.hosts).toEqual(["db1:5432", "db2:5432", "[fd00::3]:6432"])
})

test("a session target it cannot honour is refused, not ignored", () => {
  expect(() => hostRouting("postgres://a,b/x?target_session_attrs=standby")).toThrow(/target_session_attrs=standby/)
})
