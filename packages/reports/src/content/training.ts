import { Target } from "@xkld/domain"
import type { DepartureRow, Period } from "@xkld/projections"

/**
 * The report's "trained before departure" figure, by the target's own definition (issue 9's
 * "trained-before-departure-share": language training, orientation and legal counselling, each recorded on or
 * before the departure day; `Target.preparedBefore`), never a wording or rule of the report's own. The label is
 * the target's `labelVi`.
 */
export const TRAINED_BEFORE_DEPARTURE = Target.targetDefinitions["trained-before-departure-share"]

export interface PreparedShare {
  readonly departed: number
  readonly prepared: number
  readonly percent: number | null
}

/**
 * The counted departures of the period (to `through`, if given) whose worker was prepared as the target counts
 * it. The departure row knows each preparation as "recorded on or before the departure day" (derive.ts): that is
 * the date the rule compares, so it is handed over as the departure day itself.
 */
export function preparedShare(
  departures: ReadonlyArray<DepartureRow>,
  period: Period,
  through?: string,
): PreparedShare {
  const upTo = through !== undefined && through < period.to ? through : period.to
  const counted = departures.filter((d) => d.counted && d.departedOn >= period.from && d.departedOn <= upTo)
  const on = (recordedBefore: boolean, d: DepartureRow) => (recordedBefore ? [d.departedOn] : [])
  const prepared = counted.filter((d) =>
    Target.preparedBefore(
      {
        language: on(d.languageTrained, d),
        // the row keeps orientation only as "language and orientation" (trainedBeforeDeparture)
        orientation: on(d.trainedBeforeDeparture, d),
        legalCounselling: on(d.legalCounselledBeforeDeparture, d),
      },
      d.departedOn,
    ),
  ).length
  return { departed: counted.length, prepared, percent: Target.percent(prepared, counted.length) }
}
