import { randomUUID } from "node:crypto"
import { encodeEvent, PersonalData, Worker } from "@xkld/domain"
import { sql } from "kysely"
import { describe, expect, test } from "vitest"
import {
  asOwner,
  footprint,
  jsonOf,
  people,
  session,
  setUpImportsApp,
  sha256,
  t,
  toHieuId,
  workersFile,
  workersIn,
  XLSX,
} from "./support/imports-app.ts"

setUpImportsApp()

describe("an import is all or nothing, also when the database fails halfway", () => {
  test("the 5th event of a 4-row import fails in the database: no event, stream, read-model row or key is left", async () => {
    const list = people(4, 43)
    const file = await workersFile(list)
    const fileSha = sha256(file)
    // A real database failure: a trigger refuses the import's 5th event (row 5's registration), after rows 3 and
    // 4 were fully written — events, read models and person keys — in the same transaction.
    await asOwner([
      `CREATE OR REPLACE FUNCTION xkld_test_fail_fifth() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (SELECT count(*) FROM es_events WHERE metadata->'source'->>'fileSha256' = '${fileSha}') >= 4 THEN
           RAISE EXCEPTION 'test: the disk is full';
         END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER xkld_test_fail_fifth BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION xkld_test_fail_fifth()",
    ])
    const officer = await session("to-hieu")
    const before = await footprint()
    try {
      const response = await officer.raw("/api/imports/workers", file, {
        "content-type": XLSX,
        "x-file-name": "hong-giua-chung.xlsx",
        "idempotency-key": "import-that-fails-halfway",
      })
      expect(response.status).toBe(500)
      expect((await jsonOf(response)).title).toBe("Lỗi hệ thống")
      expect(await footprint()).toEqual(before)
      const claims = await sql<{ n: string }>`SELECT count(*) AS n FROM es_events
        WHERE metadata->'source'->>'fileSha256' = ${fileSha}`.execute(t.services.log.database.db)
      expect(Number(claims.rows[0]!.n)).toBe(0)
    } finally {
      await asOwner(["DROP TRIGGER xkld_test_fail_fifth ON es_events", "DROP FUNCTION xkld_test_fail_fifth()"])
    }
    // Nothing half-written stands in the way: the same file now imports whole.
    const retry = await jsonOf(await officer.upload("/api/imports/workers", file, "hong-giua-chung.xlsx"))
    expect(retry).toMatchObject({ imported: 4, alreadyImported: 0 })
    expect(await workersIn(toHieuId)).toBe(before.toHieuWorkers + 4)
  })
})

describe("a person registered by someone else between the import's check and its write", () => {
  test("the store's version check on the person's claim refuses it: the row's error, nothing left", async () => {
    const list = people(2, 48)
    const file = await workersFile(list) // rows 3 and 4
    const fileSha = sha256(file)
    const blindIndex = PersonalData.blindIndex(t.services.indexKey, "14", list[1]!.cccd)
    const claimStream = Worker.personRegistrationStreamId("14", blindIndex)
    const claimed = encodeEvent(
      new Worker.PersonRegistrationClaimed({
        provinceCode: "14",
        blindIndex,
        workerId: randomUUID(),
        occurredOn: "2026-01-10",
      }),
    )
    const events = JSON.stringify([
      {
        eventId: randomUUID(),
        type: claimed.type,
        schemaVersion: claimed.schemaVersion,
        data: claimed.data,
        metadata: {
          actor: { userId: "another-officer", role: "commune-officer" },
          commandId: randomUUID(),
          correlationId: randomUUID(),
          source: { kind: "system", process: "test" },
        },
        occurredAt: "2026-01-10T00:00:00.000Z",
      },
    ]).replaceAll("'", "''")
    // When the import writes row 3 (its claims were checked before its transaction), another registration of
    // row 4's person is appended through the store's own function: the import's claim of row 4 then meets a
    // stream that is no longer empty.
    await asOwner([
      `CREATE OR REPLACE FUNCTION xkld_test_race() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.event_type = 'WorkerRegistered' AND NEW.metadata->'source'->>'fileSha256' = '${fileSha}'
            AND NEW.metadata->'source'->>'row' = '3' THEN
           PERFORM es_append('${claimStream}', 'PersonRegistration', 'any', '${events}'::jsonb, NULL);
         END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER xkld_test_race BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION xkld_test_race()",
    ])
    const officer = await session("to-hieu")
    const before = await footprint()
    try {
      const response = await officer.upload("/api/imports/workers", file, "dua-nhau.xlsx")
      const body = await jsonOf(response)
      expect(response.status, JSON.stringify(body).slice(0, 600)).toBe(422)
      expect(body.rows).toEqual([
        expect.objectContaining({
          row: 4,
          field: "Số CCCD",
          message: expect.stringMatching(/^Người này đã được đăng ký tại tỉnh;/),
        }),
      ])
      expect(await footprint()).toEqual(before)
    } finally {
      await asOwner(["DROP TRIGGER xkld_test_race ON es_events", "DROP FUNCTION xkld_test_race()"])
    }
    const retry = await jsonOf(await officer.upload("/api/imports/workers", file, "dua-nhau.xlsx"))
    expect(retry).toMatchObject({ imported: 2, alreadyImported: 0 })
  })
})
