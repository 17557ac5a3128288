import { Result } from "effect"
import type { IsoDate } from "../shared/values.ts"
import { blindIndex } from "../personal-data/blind-index.ts"
import { validateCitizenId } from "../personal-data/citizen-id.ts"
import { sealPersonal, type PersonKey } from "../personal-data/envelope.ts"
import type { InvalidCitizenId } from "../personal-data/errors.ts"
import { dateVi } from "./messages.ts"
import { DatesOutOfOrder } from "./rejections.ts"
import type { Sex } from "../personal-data/sex.ts"
import { RegisterWorker } from "./commands.ts"
import type { WorkerIdentity, WorkerSensitiveProfile } from "./personal-payloads.ts"
import type { PriorityGroup } from "./values.ts"

/** A registration as typed in by the commune, personal data in clear (never stored like this). */
export interface RegistrationInput {
  readonly eventId: string
  readonly workerId: string
  readonly occurredOn: IsoDate
  readonly provinceCode: string
  readonly residenceUnitCode: string
  readonly residenceUnitId: string
  readonly sex: Sex
  readonly ethnicMinority: boolean
  readonly priorityGroups: ReadonlyArray<PriorityGroup>
  readonly identity: WorkerIdentity
  readonly sensitive?: WorkerSensitiveProfile
  /** Nguyện vọng: the market code (`Reference.markets`) and occupation wished for, when the person said. */
  readonly wish?: { readonly marketCode?: string; readonly occupation?: string }
}

/**
 * A person is born before anything is recorded about them: a date of birth after the registration (or any event
 * it belongs to) is a typing error. Later facts cannot precede the registration, so this one check covers them.
 */
export const birthPrecedes = (dateOfBirth: IsoDate, occurredOn: IsoDate): DatesOutOfOrder | undefined =>
  dateOfBirth <= occurredOn
    ? undefined
    : new DatesOutOfOrder({
        message: `Ngày sinh (${dateVi(dateOfBirth)}) không thể sau ngày đăng ký (${dateVi(occurredOn)}).`,
        messageEn: `Date of birth ${dateOfBirth} cannot be after the registration on ${occurredOn}`,
      })

/** The wish as recorded: what was said, nothing when nothing was. */
const wishOf = (input: RegistrationInput): { marketCode?: string; occupation?: string } | undefined => {
  const wish = {
    ...(input.wish?.marketCode === undefined ? {} : { marketCode: input.wish.marketCode }),
    ...(input.wish?.occupation === undefined ? {} : { occupation: input.wish.occupation }),
  }
  return Object.keys(wish).length === 0 ? undefined : wish
}

/**
 * Turns typed-in registration data into a `RegisterWorker` command: validates the citizen ID against date of
 * birth and sex, derives the clear birth year, computes the blind index, seals identity and sensitive data with
 * the person's key. Pure apart from the random IVs of sealing.
 */
export const prepareRegistration = (
  input: RegistrationInput,
  keys: { readonly personKey: PersonKey; readonly indexKey: Uint8Array },
): Result.Result<RegisterWorker, InvalidCitizenId | DatesOutOfOrder> => {
  const bornLater = birthPrecedes(input.identity.dateOfBirth, input.occurredOn)
  if (bornLater) return Result.fail(bornLater)
  const citizenId = validateCitizenId(input.identity.citizenId, {
    dateOfBirth: input.identity.dateOfBirth,
    sex: input.sex,
  })
  if (Result.isFailure(citizenId)) return Result.fail(citizenId.failure)
  const identity: WorkerIdentity = { ...input.identity, citizenId: citizenId.success }
  return Result.succeed(
    new RegisterWorker({
      eventId: input.eventId,
      workerId: input.workerId,
      occurredOn: input.occurredOn,
      provinceCode: input.provinceCode,
      residenceUnitCode: input.residenceUnitCode,
      residenceUnitId: input.residenceUnitId,
      sex: input.sex,
      birthYear: Number(input.identity.dateOfBirth.slice(0, 4)),
      ethnicMinority: input.ethnicMinority,
      priorityGroups: [...input.priorityGroups],
      blindIndex: blindIndex(keys.indexKey, input.provinceCode, citizenId.success),
      identity: sealPersonal(keys.personKey, identity),
      ...(input.sensitive === undefined ? {} : { sensitive: sealPersonal(keys.personKey, input.sensitive) }),
      ...(wishOf(input) === undefined ? {} : { wish: wishOf(input)! }),
    }),
  )
}
