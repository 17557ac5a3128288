import type { AddressInfo } from "node:net"
import { serve, type ServerType } from "@hono/node-server"
import { openTestDatabase } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { passwordVerifications } from "../src/auth/passwords.ts"
import { CLIENT_LIMIT, MAX_FAILURES } from "../src/auth/throttle.ts"
import { ensureUser } from "../src/auth/users.ts"
import { createApp } from "../src/app.ts"
import { servicesOver, type RunningServices } from "../src/bootstrap.ts"
import { loadConfig } from "../src/config.ts"
import { demoAccounts, DEMO_PASSWORD } from "@xkld/demo"

/**
 * Sign-in limits over real sockets (issue 15 items 5 and 6, ADR 0009): the API listens on 127.0.0.1, and the
 * tests are the clients. One server trusts 127.0.0.1 as a reverse proxy (XKLD_TRUSTED_PROXIES), so each
 * request can name its client in X-Forwarded-For as a proxy would; the other has no trusted proxy, so the
 * header must change nothing. Both serve one database.
 */

let services: RunningServices
let behindProxy: ServerType
let direct: ServerType
let proxyUrl = ""
let directUrl = ""

const listen = (app: ReturnType<typeof createApp>) =>
  new Promise<{ server: ServerType; url: string }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    )
  })

beforeAll(async () => {
  const config = {
    ...loadConfig({ XKLD_MODE: "demo", XKLD_TRUSTED_PROXIES: "127.0.0.1, ::1" }),
    secureCookies: false,
  }
  services = await servicesOver(config, await openTestDatabase())
  for (const account of demoAccounts(await services.models.catalogues.at(), "none"))
    await ensureUser(services.log.database.db, account)
  ;({ server: behindProxy, url: proxyUrl } = await listen(createApp(services)))
  ;({ server: direct, url: directUrl } = await listen(
    createApp({ ...services, config: { ...config, trustedProxies: [] } }),
  ))
}, 60_000)
afterAll(async () => {
  await new Promise((resolve) => behindProxy?.close(resolve))
  await new Promise((resolve) => direct?.close(resolve))
  await services?.close()
})

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
}

const signIn = async (base: string, username: string, password: string, forwardedFor?: string): Promise<Answer> => {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
    },
    body: JSON.stringify({ username, password }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const counted = async <T>(run: () => Promise<T>) => {
  const before = { ...passwordVerifications }
  const result = await run()
  return {
    result,
    account: passwordVerifications.account - before.account,
    dummy: passwordVerifications.dummy - before.dummy,
  }
}

const statuses = (answers: ReadonlyArray<Answer>) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {})

describe("the sign-in limits cannot be outrun by parallel guesses", () => {
  test(`30 parallel wrong passwords at one account: ${MAX_FAILURES} password checks, then locked even for the right password`, async () => {
    const {
      result: answers,
      account,
      dummy,
    } = await counted(() =>
      Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn(proxyUrl, "lanh-dao", `sai-${i}`, `198.51.100.${i + 1}`)),
      ),
    )
    // Each guess came from its own client, so only the account's limit applies: exactly MAX_FAILURES of them
    // were checked against the account's hash; the others paid the dummy verification and got the same answer.
    expect(account).toBe(MAX_FAILURES)
    expect(dummy).toBe(30 - MAX_FAILURES)
    expect(statuses(answers)).toEqual({ 401: 30 })
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)

    const right = await counted(() => signIn(proxyUrl, "lanh-dao", DEMO_PASSWORD, "198.51.100.200"))
    expect(right.result).toEqual(answers[0])
    expect(right.account).toBe(0) // the locked account's hash is not even tried
  })

  test(`30 parallel wrong sign-ins from one client: ${CLIENT_LIMIT} get a password check, the rest 429`, async () => {
    const client = "203.0.113.7"
    const {
      result: answers,
      account,
      dummy,
    } = await counted(() =>
      Promise.all(Array.from({ length: 30 }, (_, i) => signIn(proxyUrl, `khong-co-${i}`, "sai", client))),
    )
    expect(account + dummy).toBe(CLIENT_LIMIT)
    expect(statuses(answers)).toEqual({ 401: CLIENT_LIMIT, 429: 30 - CLIENT_LIMIT })
    expect(answers.find((a) => a.status === 429)!.body).toMatchObject({
      type: expect.stringMatching(/too-many-requests$/),
      detail: expect.stringContaining("15 phút"),
    })
    // The right password of an account from that client is refused too; the account itself is not locked.
    expect((await signIn(proxyUrl, "so-noi-vu", DEMO_PASSWORD, client)).status).toBe(429)
    expect((await signIn(proxyUrl, "so-noi-vu", DEMO_PASSWORD, "203.0.113.8")).status).toBe(200)
  })
})

describe("behind a reverse proxy (XKLD_TRUSTED_PROXIES)", () => {
  test("two clients behind the trusted proxy are throttled separately; a client cannot escape by writing the header", async () => {
    const first = "192.0.2.10"
    const second = "192.0.2.20"
    for (let i = 0; i < CLIENT_LIMIT; i++)
      expect((await signIn(proxyUrl, "kiem-toan", `sai-${i}`, first)).status).toBe(401)
    expect((await signIn(proxyUrl, "khong-co", "sai", first)).status).toBe(429)
    // What the client wrote stands left of what the proxy appended: the rightmost untrusted hop counts.
    expect((await signIn(proxyUrl, "khong-co", "sai", `${second}, ${first}`)).status).toBe(429)
    // A trusted hop right of it (a second proxy) is skipped.
    expect((await signIn(proxyUrl, "khong-co", "sai", `${first}, 127.0.0.1`)).status).toBe(429)
    // The other client behind the same proxy is not affected.
    expect((await signIn(proxyUrl, "to-hieu", DEMO_PASSWORD, second)).status).toBe(200)
    expect((await signIn(proxyUrl, "khong-co", "sai", `${first}, ${second}`)).status).toBe(401)
  })

  test("without the setting, X-Forwarded-For is ignored: every request is its peer's, whatever it claims", async () => {
    for (let i = 0; i < CLIENT_LIMIT; i++)
      expect((await signIn(directUrl, `khong-co-${i}`, "sai", `192.0.2.${100 + i}`)).status).toBe(401)
    expect((await signIn(directUrl, "chieng-an", DEMO_PASSWORD, "192.0.2.250")).status).toBe(429)
    expect((await signIn(directUrl, "chieng-an", DEMO_PASSWORD)).status).toBe(429)
    // The trusting server sees the same peer (127.0.0.1) when no header is sent: the same, exhausted client.
    expect((await signIn(proxyUrl, "chieng-an", DEMO_PASSWORD)).status).toBe(429)
  })
})

describe("unknown, disabled and locked accounts answer like a wrong password (ADR 0009)", () => {
  test("the same status and body, and the password verifier runs for each", async () => {
    const ask = (username: string, password: string, i: number) =>
      counted(() => signIn(proxyUrl, username, password, `198.51.100.${100 + i}`))
    const wrong = await ask("ngan-hang", "sai", 0)
    expect(wrong.account).toBe(1)
    const unknown = await ask("khong-ton-tai", "sai", 1)
    expect(unknown.dummy).toBe(1) // argon2 is not skipped for a name that does not exist
    const locked = await ask("lanh-dao", DEMO_PASSWORD, 2) // locked by the first test
    expect(locked.dummy).toBe(1)
    await services.log.database.db
      .updateTable("api_users")
      .set({ disabled: true })
      .where("username", "=", "doanh-nghiep")
      .execute()
    const disabled = await ask("doanh-nghiep", DEMO_PASSWORD, 3)
    expect(disabled.dummy).toBe(1)
    for (const other of [unknown, locked, disabled]) expect(other.result).toEqual(wrong.result)
    expect(wrong.result).toEqual({
      status: 401,
      body: expect.objectContaining({
        type: expect.stringMatching(/bad-credentials$/),
        title: "Sai tên đăng nhập hoặc mật khẩu",
        detail: expect.stringContaining("tạm khóa"),
      }),
    })
  })
})
