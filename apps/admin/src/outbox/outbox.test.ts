import { beforeEach, describe, expect, it } from "vitest"
import { flushOutbox, outbox, submitCommand } from "./outbox.ts"

/** A fake API that writes a command once per Idempotency-Key (as the real one does) and can be unplugged. */
function fakeApi() {
  const written = new Map<string, unknown>()
  const state = { online: true, refuse: false, calls: 0 }
  const fetchImpl: typeof fetch = async (_input, init) => {
    state.calls++
    if (!state.online) throw new TypeError("Failed to fetch")
    const key = new Headers(init?.headers).get("idempotency-key")!
    if (state.refuse)
      return new Response(
        JSON.stringify({
          title: "Dữ liệu không hợp lệ",
          fields: [{ path: "body.occurredOn", message: "Ngày sau hôm nay" }],
        }),
        { status: 422 },
      )
    if (!written.has(key)) written.set(key, JSON.parse(String(init?.body)))
    return new Response(JSON.stringify({ id: key }), { status: 201 })
  }
  return { written, state, fetchImpl }
}

describe("the commune's outbox", () => {
  beforeEach(() => outbox.reload())

  it("writes at once when online and keeps nothing", async () => {
    const api = fakeApi()
    const result = await submitCommand({ path: "/api/workers", body: { a: 1 }, label: "Đăng ký" }, api.fetchImpl)
    expect(result.kind).toBe("written")
    expect(api.written.size).toBe(1)
    expect(outbox.entries()).toEqual([])
  })

  it("keeps two offline commands, sends each once on reconnect, even when sent twice", async () => {
    const api = fakeApi()
    api.state.online = false
    expect((await submitCommand({ path: "/api/workers", body: { n: 1 }, label: "Một" }, api.fetchImpl)).kind).toBe(
      "queued",
    )
    expect((await submitCommand({ path: "/api/workers", body: { n: 2 }, label: "Hai" }, api.fetchImpl)).kind).toBe(
      "queued",
    )
    expect(outbox.entries().map((e) => [e.label, e.status])).toEqual([
      ["Một", "pending"],
      ["Hai", "pending"],
    ])
    // Kept in the browser: a reload finds them.
    outbox.reload()
    expect(outbox.entries()).toHaveLength(2)
    const keys = outbox.entries().map((e) => e.key)
    await flushOutbox(api.fetchImpl) // still offline: nothing lost
    expect(outbox.entries()).toHaveLength(2)
    api.state.online = true
    await Promise.all([flushOutbox(api.fetchImpl), flushOutbox(api.fetchImpl)])
    expect(outbox.entries()).toEqual([])
    expect([...api.written.keys()].sort()).toEqual([...keys].sort())
    expect([...api.written.values()]).toEqual([{ n: 1 }, { n: 2 }])
  })

  it("keeps a queued command the API refuses, with the reason, until discarded", async () => {
    const api = fakeApi()
    api.state.online = false
    await submitCommand(
      { path: "/api/workers/w/departure", body: { occurredOn: "2099-01-01" }, label: "Xuất cảnh" },
      api.fetchImpl,
    )
    api.state.online = true
    api.state.refuse = true
    await flushOutbox(api.fetchImpl)
    const [entry] = outbox.entries()
    expect(entry?.status).toBe("refused")
    expect(entry?.problem).toMatchObject({ status: 422, body: { title: "Dữ liệu không hợp lệ" } })
    const calls = api.state.calls
    await flushOutbox(api.fetchImpl) // a refusal is not sent again by itself
    expect(api.state.calls).toBe(calls)
    outbox.discard(entry!.key)
    expect(outbox.entries()).toEqual([])
  })

  it("hands a refusal at the form back to the form and keeps nothing", async () => {
    const api = fakeApi()
    api.state.refuse = true
    const result = await submitCommand({ path: "/api/workers", body: {}, label: "Đăng ký" }, api.fetchImpl)
    expect(result.kind).toBe("refused")
    if (result.kind === "refused") expect(result.problem.fieldMessage("occurredOn", "vi")).toBe("Ngày sau hôm nay")
    expect(outbox.entries()).toEqual([])
  })
})
