import { Reference } from "@xkld/domain"
import type { WorkerRow } from "@xkld/projections"

/**
 * Loans and subsidies by programme and funding source (issue 11: "loans and subsidies by programme and funding
 * source"), from the registry rows (workers read model v5): a loan's source is its lending bank (the Social
 * Policy Bank's capital, as the plans say); a subsidy's is the funding source named when it was appraised
 * (`Reference.fundingSources`); support recorded as granted without an appraisal names no source and is shown
 * as such, never guessed.
 */

export type SupportKind = "loan" | "subsidy"

export interface SupportLine {
  /** The programme's code, or null for workers without a contract yet. */
  readonly programme: string | null
  readonly kind: SupportKind
  /** The bank (loans) or the funding source's code (subsidies); null: not recorded with one. */
  readonly source: string | null
  /** Workers with such support (a worker may be in several lines). */
  readonly workers: number
  readonly amount: number
}

export function supportBySource(workers: ReadonlyArray<WorkerRow>): ReadonlyArray<SupportLine> {
  const lines = new Map<
    string,
    { programme: string | null; kind: SupportKind; source: string | null; workers: number; amount: number }
  >()
  const add = (w: WorkerRow, kind: SupportKind, source: string | null, amount: number) => {
    if (amount <= 0) return
    const programme = w.programme ?? null
    const key = JSON.stringify([programme, kind, source])
    const line = lines.get(key) ?? { programme, kind, source, workers: 0, amount: 0 }
    line.workers += 1
    line.amount += amount
    lines.set(key, line)
  }
  for (const w of workers) {
    // rows of read model versions before 5 have no split: all of it "not recorded with a source"
    const byBank = w.loanAmountByBank ?? {}
    const bySource = w.subsidyPaidBySource ?? {}
    let banked = 0
    for (const [bank, amount] of Object.entries(byBank)) {
      add(w, "loan", bank, amount)
      banked += amount
    }
    add(w, "loan", null, w.loanAmount - banked)
    let sourced = 0
    for (const [source, amount] of Object.entries(bySource)) {
      add(w, "subsidy", source, amount)
      sourced += amount
    }
    add(w, "subsidy", null, w.subsidyAmount - sourced)
  }
  return [...lines.values()]
}

/** The printed name of a line's source. */
export function sourceName(line: Pick<SupportLine, "kind" | "source">): string {
  if (line.source === null)
    return line.kind === "loan" ? "Không ghi ngân hàng cho vay" : "Không ghi nguồn kinh phí (hỗ trợ ghi nhận trực tiếp)"
  if (line.kind === "loan") return Reference.agencyByCode(line.source)?.nameVi ?? line.source
  return Reference.fundingSourceByCode(line.source)?.nameVi ?? line.source
}
