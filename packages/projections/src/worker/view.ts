import { Worker } from "@xkld/domain"
import type { AggregateView, DerivedRows } from "../aggregate/aggregate-projection.ts"
import { deriveDepartureRows, deriveWorkerRow } from "./derive.ts"

/** Workers: the registry (one row per worker) and departures (one row per departure in effect). */
export const workerView: AggregateView<Worker.WorkerState> = {
  name: "workers",
  // 2: rows carry `dossierConfirmedOn` and the stage "dossierConfirmed"
  // 3: the stages of issue 9 (wish, legal counselling, loan file, assessments, passport and visa, subsidy steps,
  //    protection cases, returnee notices, reintegration) and `legalCounselledBeforeDeparture`
  // 4: `deathOrMissing`, `deathOrMissingOn` (a worker reported dead or missing abroad)
  // 5: `subsidyPaidBySource`, `loanAmountByBank` (loans and subsidies by funding source, issue 11)
  // 6: an index of current rows by unit (versioned/table.ts), built by the rebuild this version asks for
  version: 6,
  streamTypes: [Worker.WORKER_STREAM_TYPE],
  initialState: Worker.workerDecider.initialState,
  evolve: (state, event) => Worker.workerDecider.evolve(state, event as Worker.WorkerEvent),
  tables: ["registry", "departures"],
  derive: (state): DerivedRows => {
    const worker = deriveWorkerRow(state)
    if (!worker) return {}
    return {
      registry: [
        {
          key: worker.workerId,
          provinceCode: worker.provinceCode,
          year: Number(worker.registeredOn.slice(0, 4)),
          unitId: worker.unitId,
          data: worker,
        },
      ],
      departures: deriveDepartureRows(state).map((d) => ({
        key: d.departureEventId,
        provinceCode: worker.provinceCode,
        year: d.year,
        unitId: d.unitId,
        data: d,
      })),
    }
  },
}
