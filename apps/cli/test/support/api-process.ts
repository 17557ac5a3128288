import { spawn, type ChildProcess } from "node:child_process"
import { once } from "node:events"

const API_MAIN = new URL("../../../api/src/main.ts", import.meta.url).pathname

export interface ApiProcess {
  readonly url: string
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** `pnpm start` as a site runs it: the API's own process on a free loopback port, stopped with SIGTERM. */
export async function startApi(env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, ...env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), timeoutMs)
    const onData = (d: Buffer) => {
      output += d
      const match = /XKLĐ API: (http:\/\/localhost:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`API exited (${code}):\n${output}`))
    })
  })
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = once(child, "exit")
      child.kill("SIGTERM")
      await exited
    },
  }
}

/** Signs in through the API; the session cookie and the answer. */
export async function signIn(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  })
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie }
}
