import type { AdminUnit, PersonalData } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import { demoAccounts, type DemoAccount } from "./accounts.ts"
import { generatedPersonKey, generateHistory, keysFromSeed, type GeneratedAppend } from "./generator/index.ts"
import { mergeByRecordedAt, recordHistory } from "./record-history.ts"
import { demoSeedRecordedAt, recordSeedDocuments, type ToStoreRecords } from "./record-seed-documents.ts"

/** The demo provinces' generated history: same seed, same people, on every machine. */
export const DEMO_SEED = "son-la-demo-2026"
/** How large the generated history is (about 40,000 events: three years of a province's programme). */
export const demoEventsFromEnv = (): number => Number(process.env.XKLD_DEMO_EVENTS || 40_000)
/** The other provinces' workers: Lai Châu (12) and the new Lào Cai (15) together, a fraction of Sơn La's history. */
export const OTHER_PROVINCES_SHARE = 0.3
/** The provinces whose enterprises the demo sets up (the same enterprises serve all three). */
const DEMO_PROVINCES = ["12", "14", "15"] as const

/** What the loader needs of the application: passed in, so that the demo does not depend on the API. */
export interface DemoTarget {
  /** Opened with `allowRecordedAt` (demo mode). */
  readonly log: EventLog
  /** The read models, to wait for them and to read the units and an enterprise for the accounts. */
  readonly readModels: {
    readonly runner: {
      /** Stopped while the history is written, started after (see loadDemo). */
      readonly start: () => Promise<void>
      readonly stop: () => Promise<void>
      readonly caughtUp: () => Promise<void>
      /** Each read model's checkpoint (`<transaction>:<global position>`), for the progress lines. */
      readonly status: () => Promise<ReadonlyArray<{ readonly projection: string; readonly checkpoint: string }>>
    }
    readonly catalogues: { readonly at: () => Promise<AdminUnit.Catalogue> }
    readonly enterprises: (filter: {}) => Promise<ReadonlyArray<{ readonly enterpriseId: string }>>
  }
  /** Creates the account unless it exists. */
  readonly ensureUser: (account: DemoAccount) => Promise<unknown>
  /** Keeps the generated people's keys (in one transaction), so that the application can open their data. */
  readonly putPersonKeys: (keys: ReadonlyArray<PersonalData.PersonKey>) => Promise<unknown>
  /** The application's blind-index key: generated people are found by citizen id like entered ones. */
  readonly indexKey: Uint8Array
  /** The application clock: the history ends on its day (docs/dates.md). */
  readonly now: () => Date
  readonly toStoreRecords: ToStoreRecords
}

/**
 * Loads the demo provinces once (an empty log): the units and their history, the seed plans exactly as
 * issued with their tasks and reporting obligations, and a generated history recorded as if officers had
 * entered it over 2024–2026 in Sơn La (14), Lai Châu (12) and the new Lào Cai (15). Then the demo accounts. Later starts find the data and only check the accounts.
 */
export async function loadDemo(
  target: DemoTarget,
  progress: (line: string) => void = console.log,
  targetEvents: number = demoEventsFromEnv(),
): Promise<void> {
  const { log } = target
  if ((await log.count()) === 0) {
    progress("Đang nạp dữ liệu mẫu: Sơn La, Lai Châu, Lào Cai (lần đầu, dưới một phút) / loading the demo provinces…")
    const masterKey = keysFromSeed(DEMO_SEED).masterKey
    const now = target.now().toISOString() // the history ends on the clock's day (docs/dates.md)
    // Sơn La's history as before, with the enterprises of all three provinces; then Lai Châu's and Lào Cai's
    // workers (a smaller history of their own, over the same enterprises and catalogue), merged in recorded order.
    const sonLa = generateHistory({
      seed: DEMO_SEED,
      targetEvents,
      provinces: ["14"],
      enterpriseProvinces: DEMO_PROVINCES,
      now,
      indexKey: target.indexKey,
    })
    const others = generateHistory({
      seed: `${DEMO_SEED}/lai-chau-lao-cai`,
      enterpriseSeed: DEMO_SEED,
      targetEvents: Math.round(targetEvents * OTHER_PROVINCES_SHARE),
      provinces: ["12", "15"],
      enterpriseProvinces: DEMO_PROVINCES,
      systemAppends: false,
      now,
      masterKey,
      indexKey: target.indexKey,
    })
    const generated = mergeByRecordedAt(sonLa, others)
    const workers = new Set<string>()
    // The read models are built once the history is written, not while it is: a loop running beside the
    // writes reads it in small pieces and closes, row by row, versions an earlier batch wrote (an UPDATE each),
    // where one pass over the finished log closes most of them in memory (docs/benchmarks.md, first start).
    await target.readModels.runner.stop()
    // Admin units first, then the plans (recorded in early January of their year), then the rest in order.
    const appends = (function* () {
      for (const append of generated) {
        if (append.streamType === "Worker") {
          for (const e of append.events)
            if (e.type === "WorkerRegistered") workers.add((e.data as { workerId: string }).workerId)
        }
        yield append
      }
    })()
    let last = 0
    await recordHistory(log, takeWhileUnits(appends))
    await recordSeedDocuments(log, target.toStoreRecords, demoSeedRecordedAt)
    await recordHistory(log, appends, (n) => {
      if (n - last >= 5000) {
        last = n
        progress(`  … ${n.toLocaleString("vi-VN")} sự kiện / events`)
      }
    })
    await target.putPersonKeys([...workers].map((workerId) => generatedPersonKey(masterKey, workerId)))
    // the planner's statistics of the freshly written log, so the read models' first reads use its indexes
    await log.refreshStatistics()
    const total = await log.count()
    progress(
      `Đã nạp ${total.toLocaleString("vi-VN")} sự kiện, ${workers.size.toLocaleString("vi-VN")} người lao động; đang dựng bảng đọc / building the read models…`,
    )
    await target.readModels.runner.start()
    await withProgress(target.readModels.runner.caughtUp(), async () => {
      // the workers' read model is most of the work (the others' checkpoints stop at their last event)
      const status = await target.readModels.runner.status()
      const registry = status.find((s) => s.projection === "workers") ?? status[0]
      const done = Number(registry?.checkpoint.split(":")[1] ?? 0)
      progress(`  … bảng đọc / read models: ${done.toLocaleString("vi-VN")} / ${total.toLocaleString("vi-VN")} sự kiện`)
    })
  }
  await target.readModels.runner.caughtUp()
  const catalogue = await target.readModels.catalogues.at()
  const [enterprise] = await target.readModels.enterprises({})
  for (const account of demoAccounts(catalogue, enterprise?.enterpriseId ?? "unknown")) await target.ensureUser(account)
}

/** Reports every few seconds until `work` settles (a failed report is not the work's failure). */
async function withProgress<T>(work: Promise<T>, report: () => Promise<void>, everyMs = 3000): Promise<T> {
  const timer = setInterval(() => void report().catch(() => undefined), everyMs)
  try {
    return await work
  } finally {
    clearInterval(timer)
  }
}

/** The generator emits the unit catalogue first: record it before the seed plans, which refer to units. */
function* takeWhileUnits(appends: Iterator<GeneratedAppend>): Generator<GeneratedAppend> {
  for (;;) {
    const next = appends.next()
    if (next.done) return
    yield next.value
    if (next.value.streamType !== "AdminUnit") return
  }
}
