import { appendRequestOf, type Generator } from "@xkld/demo"
import type { EventLog } from "@xkld/event-store"

type GeneratedAppend = Generator.GeneratedAppend

export interface LoadSettings {
  /** Appends per transaction (whole commands only). */
  readonly appendsPerTransaction: number
  /** Concurrent transactions, each on its own connection, over disjoint sets of streams. */
  readonly lanes: number
  readonly onProgress?: (events: number) => void
}

/**
 * Bench-only loader: the same appends `recordHistory` (`@xkld/demo`) makes, with the same
 * metadata and recorded times, each still checked as a real append is (`log.appendBatch`: expected-version
 * check, hash chain, idempotency, stream row), but many commands share one transaction and round trip, and
 * `lanes` batches run at once. Appends that share a command id stay in one transaction, as there.
 *
 * Order: the history is cut into chunks; a chunk's commands are dealt to lanes so that every stream a
 * chunk touches is written by one lane only (in history order), and a chunk commits before the next one
 * starts. So each stream gets its events in order, as the expected versions require. Recorded times are
 * the generator's, so the commit order across streams within a chunk does not change any as-of answer.
 */
export async function loadHistory(
  log: EventLog,
  appends: Iterable<GeneratedAppend>,
  settings: LoadSettings,
): Promise<number> {
  const { appendsPerTransaction, lanes, onProgress } = settings
  let written = 0
  let reported = 0
  let chunk = newChunk(lanes)

  const flush = async () => {
    const work = chunk.lanes.filter((lane) => lane.length > 0)
    chunk = newChunk(lanes)
    await Promise.all(
      work.map(async (lane) => {
        const outcome = await log.appendBatch(lane.map(toRequest))
        if (!outcome.ok) throw outcome.error
      }),
    )
    for (const lane of work) for (const append of lane) written += append.events.length
    if (onProgress && written - reported >= 100_000) {
      reported = written
      onProgress(written)
    }
  }

  let command: GeneratedAppend[] = []
  const place = async () => {
    if (command.length === 0) return
    const group = command
    command = []
    let lane = chunk.laneOf(group)
    if (lane === undefined || chunk.size >= appendsPerTransaction * lanes) {
      await flush()
      lane = chunk.laneOf(group)!
    }
    chunk.add(lane, group)
  }
  for (const append of appends) {
    if (command.length > 0 && command[0]!.commandId !== append.commandId) await place()
    command.push(append)
  }
  await place()
  await flush()
  return written
}

interface Chunk {
  readonly lanes: ReadonlyArray<GeneratedAppend[]>
  readonly size: number
  /** The lane that already writes one of these streams (the least loaded for new streams), or undefined if two lanes do. */
  readonly laneOf: (group: ReadonlyArray<GeneratedAppend>) => number | undefined
  readonly add: (lane: number, group: ReadonlyArray<GeneratedAppend>) => void
}

function newChunk(count: number): Chunk {
  const lanes: GeneratedAppend[][] = Array.from({ length: count }, () => [])
  const owner = new Map<string, number>()
  let size = 0
  return {
    lanes,
    get size() {
      return size
    },
    laneOf: (group) => {
      const owners = new Set(group.map((a) => owner.get(a.streamId)).filter((l) => l !== undefined))
      if (owners.size > 1) return undefined
      if (owners.size === 1) return [...owners][0]!
      let best = 0
      for (let i = 1; i < count; i++) if (lanes[i]!.length < lanes[best]!.length) best = i
      return best
    },
    add: (lane, group) => {
      for (const append of group) {
        owner.set(append.streamId, lane)
        lanes[lane]!.push(append)
        size++
      }
    },
  }
}

const toRequest = appendRequestOf
