import { Generator } from "@xkld/domain"
import { demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/projections"
import { ensureUser } from "../auth/users.ts"
import type { AppServices } from "../services.ts"
import { demoAccounts } from "./accounts.ts"
import { now } from "../clock.ts"

/** The demo province's generated history: same seed, same people, on every machine. */
export const DEMO_SEED = "son-la-demo-2026"
/** How large the generated history is (about 40,000 events: three years of a province's programme). */
export const demoEventsFromEnv = (): number => Number(process.env.XKLD_DEMO_EVENTS || 40_000)

/**
 * Loads the demo province once (an empty log): Sơn La's units and their history, the seed plans exactly as
 * issued with their tasks and reporting obligations, and a generated history recorded as if officers had
 * entered it over 2024–2026. Then the demo accounts. Later starts find the data and only check the accounts.
 */
export async function loadDemo(
  services: AppServices,
  progress: (line: string) => void = console.log,
  targetEvents: number = demoEventsFromEnv(),
): Promise<void> {
  const db = services.log.database.db
  if ((await services.log.count()) === 0) {
    progress("Đang nạp dữ liệu mẫu tỉnh Sơn La (lần đầu, khoảng 1–3 phút) / loading the demo province…")
    const generated = Generator.generateHistory({
      seed: DEMO_SEED,
      targetEvents,
      provinces: ["14"],
      now: now().toISOString(), // the history ends on the clock's day (docs/dates.md)
      indexKey: services.indexKey,
    })
    const masterKey = Generator.keysFromSeed(DEMO_SEED).masterKey
    const workers = new Set<string>()
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
    await recordHistory(services.log, takeWhileUnits(appends))
    await recordSeedDocuments(services.log, demoSeedRecordedAt)
    await recordHistory(services.log, appends, (n) => {
      if (n - last >= 5000) {
        last = n
        progress(`  … ${n.toLocaleString("vi-VN")} sự kiện / events`)
      }
    })
    for (const workerId of workers) await services.keyRing.put(Generator.generatedPersonKey(masterKey, workerId))
    progress(
      `Đã nạp ${(await services.log.count()).toLocaleString("vi-VN")} sự kiện, ${workers.size.toLocaleString("vi-VN")} người lao động.`,
    )
  }
  await services.models.runner.caughtUp()
  const catalogue = await services.models.catalogues.at()
  const [enterprise] = await services.models.enterprises({})
  for (const account of demoAccounts(catalogue, enterprise?.enterpriseId ?? "unknown")) await ensureUser(db, account)
}

/** The generator emits the unit catalogue first: record it before the seed plans, which refer to units. */
function* takeWhileUnits(appends: Iterator<Generator.GeneratedAppend>): Generator<Generator.GeneratedAppend> {
  for (;;) {
    const next = appends.next()
    if (next.done) return
    yield next.value
    if (next.value.streamType !== "AdminUnit") return
  }
}
