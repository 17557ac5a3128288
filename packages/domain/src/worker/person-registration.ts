import { Result, Schema } from "effect"
import type { Decider } from "../shared/decider.ts"
import type { EventType } from "../shared/event-type.ts"
import { UnknownStreamEvent } from "../shared/unknown-stream-event.ts"
import { IsoDate } from "../shared/values.ts"
import { dateVi } from "./messages.ts"
import { NonEmptyString } from "./values.ts"

/**
 * One person, one registration per province. The claim lives in its own stream, keyed by the blind index of the
 * citizen ID: `person-<province>-<blindIndex>`. The app appends the claim and the `WorkerRegistered` event in one
 * transaction; the claim's expected version comes from this decider's state, so two concurrent registrations of
 * the same person conflict in the store and only one wins.
 */
export const PERSON_REGISTRATION_STREAM_TYPE = "PersonRegistration"
export const personRegistrationStreamId = (provinceCode: string, blindIndex: string): string =>
  `person-${provinceCode}-${blindIndex}`

const fields = {
  provinceCode: Schema.String,
  blindIndex: Schema.String,
  workerId: Schema.String,
  occurredOn: IsoDate,
}

export class PersonRegistrationClaimed extends Schema.TaggedClass<PersonRegistrationClaimed>()(
  "PersonRegistrationClaimed",
  fields,
) {}
/** Frees the claim, e.g. when the registration was voided as a mistake. */
export class PersonRegistrationReleased extends Schema.TaggedClass<PersonRegistrationReleased>()(
  "PersonRegistrationReleased",
  { ...fields, reason: NonEmptyString },
) {}
export type PersonRegistrationEvent = PersonRegistrationClaimed | PersonRegistrationReleased

export class ClaimPersonRegistration extends Schema.TaggedClass<ClaimPersonRegistration>()(
  "ClaimPersonRegistration",
  fields,
) {}
export class ReleasePersonRegistration extends Schema.TaggedClass<ReleasePersonRegistration>()(
  "ReleasePersonRegistration",
  { ...fields, reason: NonEmptyString },
) {}
export type PersonRegistrationCommand = ClaimPersonRegistration | ReleasePersonRegistration

const text = { message: Schema.String, messageEn: Schema.String }
export class PersonAlreadyRegistered extends Schema.TaggedError<PersonAlreadyRegistered>()("PersonAlreadyRegistered", {
  existingWorkerId: Schema.String,
  ...text,
}) {}
export class PersonRegistrationNotHeld extends Schema.TaggedError<PersonRegistrationNotHeld>()(
  "PersonRegistrationNotHeld",
  text,
) {}
export type PersonRegistrationRejection = PersonAlreadyRegistered | PersonRegistrationNotHeld

export interface PersonRegistrationState {
  readonly workerId: string | undefined
  readonly since: IsoDate | undefined
}

export const personRegistrationDecider: Decider<
  PersonRegistrationCommand,
  PersonRegistrationState,
  PersonRegistrationEvent,
  PersonRegistrationRejection
> = {
  initialState: { workerId: undefined, since: undefined },
  decide: (command, state) => {
    const { _tag, ...data } = command
    if (_tag === "ClaimPersonRegistration") {
      if (state.workerId === command.workerId) return Result.succeed([]) // idempotent retry
      return state.workerId === undefined
        ? Result.succeed([new PersonRegistrationClaimed({ ...data })])
        : Result.fail(
            new PersonAlreadyRegistered({
              existingWorkerId: state.workerId,
              message: `Người này đã được đăng ký trong tỉnh từ ngày ${dateVi(state.since!)}; mỗi người chỉ đăng ký một lần.`,
              messageEn: `This person is already registered in the province (worker ${state.workerId})`,
            }),
          )
    }
    return state.workerId === command.workerId
      ? Result.succeed([new PersonRegistrationReleased({ ...data, reason: command.reason })])
      : Result.fail(
          new PersonRegistrationNotHeld({
            message: "Hồ sơ này không giữ đăng ký của người này; không thể giải phóng.",
            messageEn: "This worker does not hold the person's registration",
          }),
        )
  },
  evolve: (_state, event) => {
    switch (event._tag) {
      case "PersonRegistrationClaimed":
        return { workerId: event.workerId, since: event.occurredOn }
      case "PersonRegistrationReleased":
        return { workerId: undefined, since: undefined }
      default:
        throw new UnknownStreamEvent({
          streamType: PERSON_REGISTRATION_STREAM_TYPE,
          eventType: String((event as { _tag?: unknown })._tag),
        })
    }
  },
}

export const personRegistrationEventTypes: ReadonlyArray<EventType> = [
  {
    type: "PersonRegistrationClaimed",
    version: 1,
    streamType: PERSON_REGISTRATION_STREAM_TYPE,
    description: "A worker record claimed a person (blind index of the citizen ID) in a province",
    personalFields: [],
    schema: PersonRegistrationClaimed,
  },
  {
    type: "PersonRegistrationReleased",
    version: 1,
    streamType: PERSON_REGISTRATION_STREAM_TYPE,
    description: "A person's registration claim in a province was released",
    personalFields: [],
    schema: PersonRegistrationReleased,
  },
]
