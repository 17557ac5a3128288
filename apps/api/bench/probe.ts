import { connect } from "node:net"

/** Whether something accepts connections at the URL's host and port (the server then reports its own errors). */
export function probePostgres(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 5_000 })
    socket.once("connect", () => {
      socket.end()
      resolve({ ok: true })
    })
    socket.once("timeout", () => {
      socket.destroy()
      resolve({ ok: false, reason: "timeout" })
    })
    socket.once("error", (error) => resolve({ ok: false, reason: error.message }))
  })
}
