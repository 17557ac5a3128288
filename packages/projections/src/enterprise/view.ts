import { Enterprise } from "@xkld/domain"
import type { AggregateView, DerivedRows } from "../aggregate/aggregate-projection.ts"

export interface EnterpriseRow {
  readonly enterpriseId: string
  readonly name: string
  readonly licenceNumber: string
  readonly licenceDate: string
  readonly vettedIn: ReadonlyArray<string>
  readonly suspended: boolean
  readonly suspensionReason: string | null
  readonly violations: number
}

const ENTERPRISE_PREFIX = "enterprise-"

/** Licensed recruitment enterprises: licence, vetted lists, suspension, violations. */
export const enterpriseView: AggregateView<Enterprise.EnterpriseState> = {
  name: "enterprises",
  version: 1,
  streamTypes: [Enterprise.ENTERPRISE_STREAM_TYPE],
  initialState: Enterprise.initialEnterpriseState,
  evolve: (state, event) => Enterprise.evolveEnterprise(state, event as Enterprise.EnterpriseEvent),
  tables: ["enterprises"],
  derive: (state, streamId): DerivedRows => {
    if (!state.licence) return {}
    const enterpriseId = streamId.startsWith(ENTERPRISE_PREFIX) ? streamId.slice(ENTERPRISE_PREFIX.length) : streamId
    const row: EnterpriseRow = {
      enterpriseId,
      name: state.licence.name,
      licenceNumber: state.licence.number,
      licenceDate: state.licence.date,
      vettedIn: Object.keys(state.vettedIn).sort(),
      suspended: state.suspension !== undefined,
      suspensionReason: state.suspension?.reason ?? null,
      violations: state.violations.length,
    }
    return { enterprises: [{ key: enterpriseId, provinceCode: null, year: null, unitId: null, data: row }] }
  },
}
