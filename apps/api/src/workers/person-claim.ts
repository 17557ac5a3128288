import { Worker } from "@xkld/domain"
import { Result } from "effect"
import { decideCommand, type CommandFailure, type DecidedCommand } from "../commands/execute.ts"
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

/**
 * The claim (or release) of a person's registration, decided by the pipeline against the claim stream as it is
 * now (no `If-Match`: the client never saw this stream). A second claim is the duplicate-person conflict.
 */
export async function personClaimStep(
  services: AppServices,
  request: RequestContext,
  command: Worker.ClaimPersonRegistration | Worker.ReleasePersonRegistration,
  slot: number,
): Promise<Result.Result<DecidedCommand<Worker.PersonRegistrationState>, CommandFailure>> {
  const decided = await decideCommand(services, request, {
    streamId: Worker.personRegistrationStreamId(command.provinceCode, command.blindIndex),
    streamType: Worker.PERSON_REGISTRATION_STREAM_TYPE,
    decider: Worker.personRegistrationDecider,
    command,
    checkIfMatch: false,
    eventIdOf: (_e, i) => newEventId(request, slot + i),
  })
  return Result.isFailure(decided) && (decided.failure as { _tag?: string })._tag === "PersonAlreadyRegistered"
    ? Result.fail(personAlreadyRegistered())
    : decided
}
