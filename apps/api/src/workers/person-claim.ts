import { Worker } from "@xkld/domain"
import { Result } from "effect"
import type { AppendRequest } from "@xkld/event-store"
import { loadAggregate, requestRecords } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import type { AppServices } from "../services.ts"

/**
 * One person per province: the registration claims `person-<province>-<blind index>` in the same transaction as
 * the worker's own event. A second claim is refused here, or by the store when two registrations race.
 * The answer names nothing personal: not the other record, not the date, not the number.
 */
export const personAlreadyRegistered = () =>
  fail(
    "rejected",
    "Người này đã được đăng ký tại tỉnh; mỗi người chỉ được đăng ký một lần trong tỉnh. Hãy tìm và cập nhật hồ sơ đã có.",
    "This person is already registered in the province; each person is registered once per province.",
    {
      type: "https://xkld.gov.vn/problems/person-already-registered",
      status: 409,
      title: "Người này đã được đăng ký tại tỉnh",
      titleEn: "Person already registered in the province",
      rejection: "PersonAlreadyRegistered",
    },
  )

/** True for the store's version conflict on a person-registration stream (a race between two registrations). */
export const isClaimConflict = (error: unknown): boolean => {
  const e = error as { _tag?: string; streamId?: string }
  return e?._tag === "WrongExpectedVersion" && typeof e.streamId === "string" && e.streamId.startsWith("person-")
}

/** The append that claims (or releases) a person's registration, decided against the claim stream as it is now. */
export async function personClaimAppend(
  services: AppServices,
  request: RequestContext,
  command: Worker.ClaimPersonRegistration | Worker.ReleasePersonRegistration,
  slot: number,
): Promise<AppendRequest> {
  const streamId = Worker.personRegistrationStreamId(command.provinceCode, command.blindIndex)
  const { state, version } = await loadAggregate(services, streamId, Worker.personRegistrationDecider)
  const decided = Worker.personRegistrationDecider.decide(command, state)
  if (Result.isFailure(decided)) {
    if (decided.failure._tag === "PersonAlreadyRegistered") throw personAlreadyRegistered()
    throw decided.failure
  }
  return {
    streamId,
    streamType: Worker.PERSON_REGISTRATION_STREAM_TYPE,
    expectedVersion: version === 0 ? "no_stream" : version,
    events: requestRecords(request, decided.success, (_e, i) => newEventId(request, slot + i)),
  }
}
