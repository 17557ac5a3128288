import { PlanTask, ReportingObligation } from "@xkld/domain"
import type { AggregateView, DerivedRows } from "../aggregate/aggregate-projection.ts"

/** The tasks of a plan's appendix, with progress and completion. */
export const planTaskView: AggregateView<PlanTask.PlanTaskState> = {
  name: "plan_tasks",
  version: 1,
  streamTypes: [PlanTask.planTaskStreamType],
  initialState: PlanTask.planTaskDecider.initialState,
  evolve: (state, event) => PlanTask.planTaskDecider.evolve(state, event as PlanTask.PlanTaskEvent),
  tables: ["tasks"],
  derive: (state): DerivedRows =>
    // a void task (assigned by mistake) leaves the lists; its events stay in the log
    state.status === "unassigned" || state.status === "void"
      ? {}
      : {
          tasks: [
            {
              key: state.task.taskId,
              provinceCode: null,
              year: state.task.timeFrame.year ?? null,
              unitId: null,
              data: { ...state.task, status: state.status },
            },
          ],
        },
}

/** Who must report what by when, and what was submitted. */
export const reportingObligationView: AggregateView<ReportingObligation.ReportingObligationState> = {
  name: "reporting",
  version: 1,
  streamTypes: [ReportingObligation.reportingObligationStreamType],
  initialState: ReportingObligation.reportingObligationDecider.initialState,
  evolve: (state, event) =>
    ReportingObligation.reportingObligationDecider.evolve(state, event as ReportingObligation.ReportingObligationEvent),
  tables: ["obligations"],
  derive: (state): DerivedRows =>
    state.status === "not-set" || state.status === "void"
      ? {}
      : {
          obligations: [
            {
              key: state.obligation.obligationId,
              provinceCode: state.obligation.provinceCode,
              year: state.obligation.period.year,
              unitId: null,
              data: state.obligation,
            },
          ],
        },
}
