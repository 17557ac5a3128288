import { Schema } from "effect"
import { IsoDate } from "../shared/values.ts"

/**
 * What goes inside the encrypted envelopes of worker events (ADR 0007). The app seals these with the
 * person's key before deciding; the decider and the log only ever see ciphertext.
 */

/** Identifying data (dữ liệu cá nhân cơ bản), sealed into `identity`. */
export const WorkerIdentity = Schema.Struct({
  fullName: Schema.String,
  citizenId: Schema.String,
  dateOfBirth: IsoDate,
  phone: Schema.optional(Schema.String),
  address: Schema.optional(Schema.String),
  passportNumber: Schema.optional(Schema.String),
})
export type WorkerIdentity = typeof WorkerIdentity.Type

/** Sensitive profile data (dữ liệu cá nhân nhạy cảm), sealed into the registration's `sensitive`. */
export const WorkerSensitiveProfile = Schema.Struct({
  ethnicGroup: Schema.optional(Schema.String), // e.g. "Thái", "Mông"
})
export type WorkerSensitiveProfile = typeof WorkerSensitiveProfile.Type

/** Health check result (sensitive: health data), sealed into `WorkerHealthChecked.sensitive`. */
export const HealthCheckResult = Schema.Struct({
  fit: Schema.Boolean,
  summary: Schema.optional(Schema.String),
})
export type HealthCheckResult = typeof HealthCheckResult.Type

/** Content of the criminal-record certificate (sensitive), sealed into its event's `sensitive`. */
export const CriminalRecordContent = Schema.Struct({
  hasConvictions: Schema.Boolean,
  content: Schema.optional(Schema.String),
})
export type CriminalRecordContent = typeof CriminalRecordContent.Type

/** Details of a violation abroad (may describe offences: sensitive). */
export const ViolationDetails = Schema.Struct({
  description: Schema.String,
})
export type ViolationDetails = typeof ViolationDetails.Type
