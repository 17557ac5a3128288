import type { EventMetadata } from "@xkld/event-store"
import type { Role } from "./roles.ts"

/** Who is calling: the signed-in user, with the jurisdiction their role is bound to. */
export interface Actor {
  readonly userId: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  /** Province code (e.g. "14") the user works in. */
  readonly provinceCode: string
  /** Admin-unit ids (commune officers): only these units' workers and figures. */
  readonly unitIds: ReadonlyArray<string>
  /** The enterprise (enterprise officers): only the workers it recruits. */
  readonly enterpriseId: string | null
  /** Agency code (department officers): its plan tasks and reports. */
  readonly agency: string | null
}

/** The actor part of every event's metadata. */
export const actorMetadata = (actor: Actor): EventMetadata["actor"] => ({
  userId: actor.userId,
  role: actor.role,
  ...(actor.unitIds.length === 1 ? { unit: actor.unitIds[0] } : actor.enterpriseId ? { unit: actor.enterpriseId } : {}),
})
