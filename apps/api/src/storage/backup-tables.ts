import type { BackupTable } from "@xkld/event-store/backup"

/**
 * The API's tables a backup carries besides the log (`xkld backup`, ADR 0016): accounts, idempotency records, the
 * wrapped person keys (without them the log's personal data cannot be read), erasures and the access log. Sessions
 * and sign-in attempts are not carried (everyone signs in again); read models are rebuilt from the log.
 */
export const apiBackupTables: ReadonlyArray<BackupTable> = [
  { table: "api_users", key: [{ column: "user_id", type: "text" }] },
  {
    table: "api_idempotency",
    key: [
      { column: "user_id", type: "text" },
      { column: "idempotency_key", type: "text" },
    ],
  },
  { table: "pd_person_keys", key: [{ column: "key_id", type: "text" }] },
  { table: "pd_erasures", key: [{ column: "key_id", type: "text" }] },
  { table: "pd_access_log", key: [{ column: "id", type: "bigint" }], identity: "id" },
]
