/**
 * Ctrl-C (SIGINT) or SIGTERM: the first one aborts the work in flight (its transaction rolls back, a partial file is
 * removed) and the command ends with status 130; a second one ends the process at once.
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
