import { createHash } from "node:crypto"
import { AdminUnit, type DomainEvent } from "@xkld/domain"
import { recordSeedDocuments } from "@xkld/demo"
import { toStoreRecords } from "@xkld/projections"
import type { AppServices } from "../services.ts"

/** A stable UUID from a name (sha256, version-5 layout): the same bundled record gets the same id on every start. */
export const nameUuid = (name: string): string => {
  const b = createHash("sha256").update(`xkld-reference:${name}`).digest()
  b[6] = (b[6]! & 0x0f) | 0x50
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.subarray(0, 16).toString("hex")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const dateOf = (event: AdminUnit.AdminUnitEvent): string | undefined =>
  ("validFrom" in event && typeof event.validFrom === "string" ? event.validFrom : undefined) ??
  ("effectiveFrom" in event && typeof event.effectiveFrom === "string" ? event.effectiveFrom : undefined)

/**
 * Production and development start with the public reference data and nothing else (issue 13 item 5): the bundled
 * administrative units (their 1 July 2025 reorganisation included) and the seed documents (plans, their tasks,
 * reporting obligations). Ids derive from the data, so a restart writes nothing new; no demo history, no accounts —
 * the first administrator comes from `xkld users create`. Returns how many events were written.
 */
export async function loadReferenceData(services: AppServices): Promise<number> {
  const { log } = services
  const events = AdminUnit.loadBundledAdminUnitEvents()
  const positions = new Map<string, number>()
  const ids = events.map((event) => {
    const streamId = AdminUnit.streamIdOf(event)
    const position = (positions.get(streamId) ?? 0) + 1
    positions.set(streamId, position)
    return nameUuid(`admin-unit:${streamId}:${position}`)
  })
  positions.clear()
  let written = 0
  // the units go in one transaction: when the last one is there, all are (a restart only checks that)
  const loaded = ids.length === 0 || (await log.readEvents([ids[ids.length - 1]!])).length > 0
  if (!loaded)
    await log.database.db.transaction().execute(async (trx) => {
      for (const [index, event] of events.entries()) {
        const streamId = AdminUnit.streamIdOf(event)
        const position = (positions.get(streamId) ?? 0) + 1
        positions.set(streamId, position)
        const eventId = ids[index]!
        const day = dateOf(event)
        const outcome = await log.append(
          {
            streamId,
            streamType: AdminUnit.adminUnitStreamType,
            expectedVersion: position === 1 ? "no_stream" : position - 1,
            events: toStoreRecords(
              [event as DomainEvent],
              {
                actor: { userId: "system", role: "system" },
                commandId: eventId,
                correlationId: eventId,
                source: { kind: "seed", dataset: "admin-units" },
              },
              { eventIdOf: () => eventId, ...(day ? { occurredAtOf: () => new Date(`${day}T00:00:00Z`) } : {}) },
            ),
          },
          trx,
        )
        if (!outcome.ok) throw outcome.error
        if (!outcome.result.duplicate) written++
      }
    })
  services.models.runner.wake()
  // the seed plans refer to the units: the catalogue must be built before they are decided on
  await services.models.runner.caughtUp()
  written += await recordSeedDocuments(log, toStoreRecords)
  await services.models.runner.caughtUp()
  return written
}
