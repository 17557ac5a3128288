import { Schema } from "effect"
import type { EnterpriseHistoryItem } from "./enterprises.ts"
import { dayOf, isoOf, type Rng } from "./random.ts"
import type { GeneratedAppend, GeneratedActor } from "./types.ts"
import { AdminUnit, Enterprise } from "@xkld/domain"
const {
  buildCatalogue,
  adminUnitStreamType,
  eventTypes: adminUnitEventTypes,
  streamIdOf,
  loadBundledAdminUnitEvents,
} = AdminUnit
type Catalogue = AdminUnit.Catalogue
type AdminUnitEvent = AdminUnit.AdminUnitEvent
const { ENTERPRISE_STREAM_TYPE, enterpriseStreamId, eventTypes: enterpriseEventTypes } = Enterprise

/**
 * The appends that are not about workers: the admin-unit catalogue from the bundled data (what is in force at
 * the start is recorded at the start; the 1 July 2025 reorganisation on its day) and the enterprises' history.
 */

let bundled: { events: ReadonlyArray<AdminUnitEvent>; catalogue: Catalogue } | undefined

/** The bundled admin-unit events and their catalogue (read once per process). */
export const bundledAdminUnits = (): { events: ReadonlyArray<AdminUnitEvent>; catalogue: Catalogue } => {
  if (bundled === undefined) {
    const events = loadBundledAdminUnitEvents()
    bundled = { events, catalogue: buildCatalogue(events) }
  }
  return bundled
}

const codecsOf = (types: ReadonlyArray<{ type: string; version: number; schema: Schema.Top }>) =>
  new Map(
    types.map((t) => [
      t.type,
      { version: t.version, encode: Schema.encodeSync(t.schema as Schema.Codec<unknown, unknown>) },
    ]),
  )

const adminCodecs = codecsOf(adminUnitEventTypes)
const enterpriseCodecs = codecsOf(enterpriseEventTypes)

const MS_PER_DAY = 86_400_000

export interface TimedAppends {
  readonly appends: Array<GeneratedAppend | undefined>
  readonly times: ReadonlyArray<number>
}

const dateOfAdminEvent = (event: AdminUnitEvent, start: string): string => {
  switch (event._tag) {
    case "AdminUnitEstablished":
      return event.validFrom ?? start
    case "AdminUnitCorrected":
    case "AdminUnitSuccessionCorrected":
      return start
    default:
      return event.effectiveFrom
  }
}

export const systemAppends = (
  rng: Rng,
  startDay: number,
  nowMs: number,
  lastDay: number,
  enterpriseHistory: ReadonlyArray<EnterpriseHistoryItem>,
  departmentActor: (provinceCode: string, day: number) => GeneratedActor,
): TimedAppends => {
  const start = isoOf(startDay)
  const items: Array<{ ms: number; order: number; build: (version: number) => GeneratedAppend; streamId: string }> = []
  const systemActor: GeneratedActor = { userId: "system-seed", role: "system" }
  let order = 0
  for (const event of bundledAdminUnits().events) {
    const date = dateOfAdminEvent(event, start)
    const day = Math.max(startDay, dayOf(date))
    const ms = day * MS_PER_DAY
    const eventId = rng.uuid()
    const streamId = streamIdOf(event)
    const codec = adminCodecs.get(event._tag)!
    items.push({
      ms,
      order: order++,
      streamId,
      build: (version) => ({
        streamId,
        streamType: adminUnitStreamType,
        expectedVersion: version === 0 ? "no_stream" : version,
        events: [
          {
            eventId,
            type: event._tag,
            schemaVersion: codec.version,
            data: codec.encode(event),
            occurredAt: `${date}T00:00:00.000Z`,
          },
        ],
        recordedAt: new Date(ms).toISOString(),
        actor: systemActor,
        commandId: eventId,
      }),
    })
  }
  for (const item of enterpriseHistory) {
    const ms = item.day * MS_PER_DAY + (item.day === startDay ? 30 : 60 + rng.int(0, 480)) * 60_000
    const eventId = rng.uuid()
    const streamId = enterpriseStreamId(item.enterpriseId)
    const codec = enterpriseCodecs.get(item.event._tag)!
    const actor = departmentActor(item.provinceCode, item.day)
    items.push({
      ms,
      order: order++,
      streamId,
      build: (version) => ({
        streamId,
        streamType: ENTERPRISE_STREAM_TYPE,
        expectedVersion: version === 0 ? "no_stream" : version,
        events: [
          {
            eventId,
            type: item.event._tag,
            schemaVersion: codec.version,
            data: codec.encode(item.event),
            occurredAt: `${item.event.occurredOn}T00:00:00.000Z`,
          },
        ],
        recordedAt: new Date(ms).toISOString(),
        actor,
        commandId: eventId,
      }),
    })
  }
  items.sort((a, b) => a.ms - b.ms || a.order - b.order)
  const versions = new Map<string, number>()
  const appends: Array<GeneratedAppend | undefined> = []
  const times: Array<number> = []
  for (const item of items) {
    if (item.ms > nowMs || Math.floor(item.ms / MS_PER_DAY) > lastDay) continue
    const version = versions.get(item.streamId) ?? 0
    appends.push(item.build(version))
    times.push(item.ms)
    versions.set(item.streamId, version + 1)
  }
  return { appends, times }
}
