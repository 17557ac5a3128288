import { Schema } from "effect"

/**
 * What an officer may type when recording a fact: bounded more tightly than the events' schemas, which must read
 * every event ever written. These are the limits of the published HTTP contract (the API adds the date, checked
 * against today in Vietnam).
 */

/** Free text typed by an officer: not empty, not a novel. */
export const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))

/** Optional longer text (a summary, a description). */
export const OptionalText = Schema.optional(Schema.String.check(Schema.isMaxLength(2000)))

/** Commune or ward of the province: its code ("03646") or its id ("au/14/03646/2025-07-01"). */
export const UnitRef = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))

/** A document's number (passport, decision): short, no spaces at either end. */
export const DocumentNumber = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(40))
