import * as C from "./commands.ts"
import * as E from "./events.ts"
import type { FactCandidate } from "./rules.ts"

/**
 * Each worker fact, declared once: the command an officer sends and the event it is recorded as. The decider
 * builds a command's candidate fact from it, the API derives a route's command and a correction's replacement
 * from it. `derived`: fields the rules derive (a departure's contract, a withdrawal's stage) — not sent with the
 * command, kept from the original when a correction replaces the fact. `checked`: what a command carries for a
 * rule only (the enterprise's standing, the date of birth), never recorded.
 */
export const workerFacts = {
  WorkerResidenceChanged: { command: C.RecordResidenceChange, event: E.WorkerResidenceChanged },
  WorkerCounselled: { command: C.RecordCounselling, event: E.WorkerCounselled },
  WorkerTrainingCompleted: { command: C.RecordTraining, event: E.WorkerTrainingCompleted },
  WorkerHealthChecked: { command: C.RecordHealthCheck, event: E.WorkerHealthChecked },
  WorkerCriminalRecordCertificateIssued: {
    command: C.RecordCriminalRecordCertificate,
    event: E.WorkerCriminalRecordCertificateIssued,
  },
  WorkerDossierConfirmed: { command: C.ConfirmDossier, event: E.WorkerDossierConfirmed },
  WorkerSelectedByEnterprise: {
    command: C.RecordSelection,
    event: E.WorkerSelectedByEnterprise,
    checked: ["standing"],
  },
  WorkerContractSigned: { command: C.RecordContract, event: E.WorkerContractSigned, checked: ["standing"] },
  WorkerLoanRecorded: { command: C.RecordLoan, event: E.WorkerLoanRecorded },
  WorkerSupportSubsidyGranted: { command: C.RecordSupportSubsidy, event: E.WorkerSupportSubsidyGranted },
  WorkerDeparted: {
    command: C.RecordDeparture,
    event: E.WorkerDeparted,
    checked: ["dateOfBirth"],
    derived: ["contractEventId"],
  },
  WorkerContractEndedEarly: { command: C.RecordContractEndedEarly, event: E.WorkerContractEndedEarly },
  WorkerReturned: { command: C.RecordReturn, event: E.WorkerReturned },
  WorkerOverstayed: { command: C.RecordOverstay, event: E.WorkerOverstayed },
  WorkerViolationRecorded: { command: C.RecordViolation, event: E.WorkerViolationRecorded },
  WorkerReemploymentSupported: { command: C.RecordReemploymentSupport, event: E.WorkerReemploymentSupported },
  WorkerWithdrew: { command: C.RecordWithdrawal, event: E.WorkerWithdrew, derived: ["stage"] },
} as const satisfies Record<
  Exclude<E.WorkerFact["_tag"], "WorkerRegistered">,
  {
    readonly command: new (fields: any) => C.WorkerCommand
    readonly event: new (fields: any) => E.WorkerFact
    readonly checked?: ReadonlyArray<string>
    readonly derived?: ReadonlyArray<string>
  }
>

/** A fact recorded after registration, by its event's tag. */
export type RecordedFactTag = keyof typeof workerFacts

interface Declaration {
  readonly command: (new (fields: any) => C.WorkerCommand) & { readonly identifier: string }
  readonly event: new (fields: any) => E.WorkerFact
  readonly checked?: ReadonlyArray<string>
  readonly derived?: ReadonlyArray<string>
}

const declarations = workerFacts as Readonly<Record<RecordedFactTag, Declaration>>
const byCommand: ReadonlyMap<string, readonly [RecordedFactTag, Declaration]> = new Map(
  Object.entries(declarations).map(([tag, d]) => [d.command.identifier, [tag as RecordedFactTag, d]] as const),
)

const without = (fields: object, names: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([name]) => name !== "_tag" && !names.includes(name)))

/** The command for a fact, from its fields (and what a rule checks with it, e.g. the enterprise's standing). */
export const commandFor = (tag: RecordedFactTag, fields: object): C.WorkerCommand =>
  new declarations[tag].command(fields)

/** A correction's replacement: the fact from its fields, with what the rules derived kept from the original. */
export const replacementFor = (tag: RecordedFactTag, fields: object, original: E.WorkerFact): E.WorkerFact => {
  const kept = (declarations[tag].derived ?? []).map((name) => [name, (original as any)[name]])
  return new declarations[tag].event({ ...Object.fromEntries(kept), ...fields })
}

/**
 * The fact a command asks to record, as the rules check it: the command's fields without those only checked;
 * a fact whose fields the rules derive is a request (a plain value) until the rules complete it.
 */
export const candidateOf = (command: C.WorkerCommand): FactCandidate | undefined => {
  if (command._tag === "RegisterWorker") return new E.WorkerRegistered(without(command, []) as any)
  const found = byCommand.get(command._tag)
  if (found === undefined) return undefined
  const [tag, declaration] = found
  const fields = without(command, declaration.checked ?? [])
  return (declaration.derived ? { _tag: tag, ...fields } : new declaration.event(fields)) as FactCandidate
}
