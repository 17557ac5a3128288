/**
 * Ctrl-C (SIGINT) or SIGTERM. A command whose work can stop between steps asks for `interruption()`: the first
 * signal then aborts it (its transaction rolls back, a partial file is removed) and the command ends with status
 * 130; a second one ends the process at once. Other commands keep the default: the process ends, and the database
 * rolls back the transaction that was open, so nothing is left half-done either way.
 */
const controller = new AbortController()
let installed = false

export function interruption(): AbortSignal {
  if (!installed) {
    installed = true
    const stop = () => {
      if (controller.signal.aborted) process.exit(130)
      process.stderr.write("\nĐang dừng: hoàn tác phần đang làm dở… / stopping: rolling back the work in flight…\n")
      controller.abort(new Error("interrupted"))
    }
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  }
  return controller.signal
}

export const wasInterrupted = (): boolean => controller.signal.aborted
