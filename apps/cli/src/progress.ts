/**
 * Progress of long work: on a terminal, one bar redrawn in place with the rate and the time left; otherwise (a log,
 * a pipe, CI) a plain line at each tenth of the way and at the end, so logs stay readable.
 */
export interface Progress {
  readonly update: (done: number, total: number) => void
  readonly finish: () => void
}

const vi = (n: number) => Math.round(n).toLocaleString("vi-VN")

export const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "--:--"
  const s = Math.max(0, Math.round(seconds))
  const hh = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0")
  const ss = String(s % 60).padStart(2, "0")
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`
}

/** "1.234/5.000 (24%) · 1.200/giây · còn 00:03": what both forms show. */
export const describeProgress = (done: number, total: number, elapsedSeconds: number): string => {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0
  const percent = total > 0 ? Math.floor((100 * done) / total) : 100
  const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY
  return `${vi(done)}/${vi(total)} (${percent}%) · ${vi(rate)}/giây (per s) · còn (left) ${duration(left)}`
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr, now = () => Date.now()): Progress {
  const started = now()
  const tty = stream.isTTY === true
  let lastDraw = 0
  let lastTenth = -1
  let last: { done: number; total: number } | undefined
  const line = (done: number, total: number) => describeProgress(done, total, (now() - started) / 1000)
  const draw = (done: number, total: number) => {
    const width = 24
    const filled = total > 0 ? Math.min(width, Math.round((width * done) / total)) : width
    stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${line(done, total)}\x1b[K`)
  }
  return {
    update: (done, total) => {
      last = { done, total }
      if (tty) {
        if (now() - lastDraw >= 100 || done >= total) {
          lastDraw = now()
          draw(done, total)
        }
        return
      }
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 10
      if (tenth > lastTenth) {
        lastTenth = tenth
        stream.write(`${label}: ${line(done, total)}\n`)
      }
    },
    finish: () => {
      if (!last) return
      if (tty) {
        draw(last.done, last.total)
        stream.write("\n")
      } else if (lastTenth < 10) stream.write(`${label}: ${line(last.done, last.total)}\n`)
    },
  }
}
