import { PersonalData, Worker } from "@xkld/domain"
import { Result } from "effect"

/** What a reader gets of a person's identity: the clear data, or why not. */
export type IdentityView =
  | { readonly status: "shown"; readonly identity: Worker.WorkerIdentity }
  | { readonly status: "erased"; readonly message: string; readonly messageEn: string }
  | { readonly status: "unreadable"; readonly message: string; readonly messageEn: string }

/** Opens a sealed identity with the person's key (undefined = erased). */
export const openIdentity = (
  personKey: PersonalData.PersonKey | undefined,
  sealed: PersonalData.SealedPersonal,
): IdentityView => {
  const opened = PersonalData.openPersonal(personKey, sealed, Worker.WorkerIdentity)
  if (Result.isSuccess(opened)) return { status: "shown", identity: opened.success }
  const error = opened.failure
  return {
    status: error._tag === "PersonalDataErased" ? "erased" : "unreadable",
    message: error.message,
    messageEn: error.messageEn,
  }
}
