import { readModelProjections } from "@xkld/projections"
import { parseCommand } from "../args.ts"
import { CliError, usage } from "../errors.ts"
import { cliConfig, withServices } from "../open.ts"
import { progress } from "../progress.ts"
import type { RunningServices } from "@xkld/api/src/bootstrap.ts"

export const readModelNames = readModelProjections.map((p) => p.name)

const chosen = (name: string | undefined): ReadonlyArray<string> => {
  if (name === undefined) return readModelNames
  if (!readModelNames.includes(name))
    throw usage(
      `Không có bảng đọc "${name}"; có: ${readModelNames.join(", ")}`,
      `No read model "${name}"; there are: ${readModelNames.join(", ")}`,
    )
  return [name]
}

/**
 * Rebuilds one read model with a progress display: the new generation's checkpoint position against the log's
 * size (positions are about one per event, so the figure is close, and reaches the end at the switch).
 */
async function rebuildShowing(services: RunningServices, name: string, label: string): Promise<number> {
  const { runner } = services.models
  const total = Math.max(1, await services.log.count())
  const bar = progress(label)
  const state = { finished: false }
  const building = runner.rebuild(name).finally(() => (state.finished = true))
  const poll = (async () => {
    while (!state.finished) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      if (state.finished) break
      const checkpoints = await services.log.listCheckpoints(`projection:${name}:`)
      const newest = [...checkpoints.entries()].toSorted(
        ([a], [b]) => Number(b.split(":g")[1]) - Number(a.split(":g")[1]),
      )[0]
      if (newest) bar.update(Math.min(newest[1].globalPosition, total), total)
    }
  })()
  const generation = await building
  await poll
  bar.update(total, total)
  bar.finish()
  return generation
}

/**
 * `xkld rebuild [name]`: builds each read model again from the log (blue/green: the old one serves until the new
 * one has caught up, so an interrupted rebuild leaves the old one in place).
 */
export async function rebuild(args: ReadonlyArray<string>): Promise<void> {
  const { positionals } = parseCommand(args, {}, 1)
  const names = chosen(positionals[0])
  await withServices(cliConfig(), async (services) => {
    for (const [index, name] of names.entries()) {
      const started = Date.now()
      const generation = await rebuildShowing(services, name, `Dựng lại / rebuilding ${name}`)
      console.log(
        `[${index + 1}/${names.length}] ${name}: đã dựng lại (thế hệ ${generation}, ${((Date.now() - started) / 1000).toLocaleString("vi-VN")} giây) / rebuilt`,
      )
    }
  })
}

/**
 * `xkld check [name]`: each live read model against a fresh rebuild from the log, by content hash (sha256 over its
 * rows). Exit 1 if one differs; the rebuild then serves, so the read model is right afterwards. Run it with the
 * application stopped (docs/operations.md): a running process learns of the switch of tables only at its next batch,
 * and a write between the two hashes would show as a difference.
 */
export async function check(args: ReadonlyArray<string>): Promise<void> {
  const { positionals } = parseCommand(args, {}, 1)
  const names = chosen(positionals[0])
  const differing = await withServices(cliConfig(), async (services) => {
    const { runner } = services.models
    const wrong: string[] = []
    for (const name of names) {
      await runner.caughtUp(name)
      const live = await runner.contentHash(name)
      await rebuildShowing(services, name, `Dựng lại / rebuilding ${name}`)
      const rebuilt = await runner.contentHash(name)
      const same = live === rebuilt
      if (!same) wrong.push(name)
      console.log(
        `${same ? "khớp / equal    " : "KHÁC / DIFFERS  "} ${name} ${live.slice(0, 16)}${same ? "" : ` ≠ ${rebuilt.slice(0, 16)}`}`,
      )
    }
    return wrong
  })
  if (differing.length > 0)
    throw new CliError(
      `Bảng đọc khác bản dựng lại từ nhật ký: ${differing.join(", ")} (nay đã thay bằng bản dựng lại)`,
      `Read models differ from a rebuild: ${differing.join(", ")} (now replaced by the rebuild)`,
    )
  console.log(`Mọi bảng đọc khớp bản dựng lại từ nhật ký / every read model equals a rebuild (${names.length})`)
}
