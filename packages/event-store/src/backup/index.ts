export { BackupError, storeTables, type BackupHeader, type BackupProgress, type BackupTable } from "./format.ts"
export { writeBackup, type BackupSummary, type WriteBackupOptions } from "./write.ts"
export { checkBackup, restoreBackup, type RestoreOptions, type RestoreSummary } from "./restore.ts"
export { advanceTransactionIdsPast, currentTransactionId, DEFAULT_ADVANCE_LIMIT } from "./transaction-ids.ts"
