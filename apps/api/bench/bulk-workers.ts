/**
 * The "10^5 registered workers in one province" case of the API bench (issue 12): `count` more registrations in
 * one ward, copied from the last real `WorkerRegistered` of the demo (same shape, same metadata) with a new worker,
 * a new person key (stored wrapped, as a registration stores it) and a new sealed identity each, appended in
 * batches through `log.appendBatch`. Not through the API: 10^5 HTTP registrations would take the run's hour.
 */
import { randomBytes, randomUUID } from "node:crypto"
import { PersonalData, Worker } from "@xkld/domain"
import { sql } from "kysely"
import { masterKeyOf, type AppServices } from "../src/services.ts"

const FAMILY = ["Nguyễn", "Lò", "Cầm", "Quàng", "Hà", "Lường", "Vì", "Đinh", "Bạc", "Tòng", "Điêu", "Mùa", "Giàng"]
const MIDDLE = ["Văn", "Thị", "Đức", "Thanh", "Minh", "Ngọc", "Xuân"]
const GIVEN = ["An", "Ánh", "Ân", "Dũng", "Dung", "Đức", "Hùng", "Hưng", "Ơn", "Ôn", "Lan", "Thảo", "Tuấn", "Yến"]

export async function addWorkers(services: AppServices, count: number, unitCode: string, log: (line: string) => void) {
  const { rows } = await sql<{ data: any; metadata: any; schema_version: number }>`
    SELECT data, metadata, schema_version FROM es_events
    WHERE event_type = 'WorkerRegistered' AND data->>'residenceUnitCode' = ${unitCode}
    ORDER BY global_position DESC LIMIT 1`.execute(services.log.database.db)
  const template = rows[0]
  if (!template) throw new Error("no WorkerRegistered in the demo to copy")
  const master = masterKeyOf(services.config)
  const BATCH = 2000
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done)
    const keys: Array<{ keyId: string; wrapped: string }> = []
    const requests = Array.from({ length: n }, (_, i) => {
      const k = done + i
      const personKey = PersonalData.generatePersonKey()
      keys.push({ keyId: personKey.keyId, wrapped: JSON.stringify(PersonalData.wrapPersonKey(master, personKey)) })
      const workerId = randomUUID()
      const identity = {
        fullName: `${FAMILY[k % FAMILY.length]} ${MIDDLE[(k >> 3) % MIDDLE.length]} ${GIVEN[(k >> 6) % GIVEN.length]} ${k}`,
        citizenId: `01409${String(k).padStart(7, "0")}`,
        dateOfBirth: "1998-05-12",
        sex: "male",
      }
      return {
        streamId: Worker.workerStreamId(workerId),
        streamType: Worker.WORKER_STREAM_TYPE,
        expectedVersion: "no_stream" as const,
        events: [
          {
            eventId: randomUUID(),
            type: "WorkerRegistered",
            schemaVersion: template.schema_version,
            data: {
              ...template.data,
              eventId: undefined,
              workerId,
              identity: PersonalData.sealPersonal(personKey, identity),
              blindIndex: randomBytes(32).toString("hex"),
            },
            metadata: template.metadata,
            occurredAt: new Date(),
          },
        ],
      }
    })
    for (const request of requests) {
      const event = request.events[0]!
      event.data = { ...event.data, eventId: event.eventId }
    }
    await services.log.database.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO pd_person_keys (key_id, wrapped_key)
        SELECT * FROM unnest(${keys.map((k) => k.keyId)}::text[], ${keys.map((k) => k.wrapped)}::text[])`.execute(trx)
      const outcome = await services.log.appendBatch(requests, trx)
      if (!outcome.ok) throw outcome.error
    })
    if ((done / BATCH) % 10 === 0) log(`  … ${(done + n).toLocaleString("en")} workers added`)
  }
  services.models.runner.wake()
}
