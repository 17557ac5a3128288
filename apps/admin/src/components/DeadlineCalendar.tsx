import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react"
import { formatDate, formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { TIMELINESS, type Timeliness } from "../screens/deadlines.ts"

export interface Deadline {
  readonly id: string
  /** yyyy-mm-dd */
  readonly date: string
  readonly title: string
  readonly timeliness: Timeliness
}

const WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
const SHORT_VI = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
const WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
const SHORT_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
const ORDER: ReadonlyArray<Timeliness> = ["late", "dueSoon", "upcoming", "onTime", "asNeeded"]

const iso = (d: Date) => d.toISOString().slice(0, 10)
const day = (text: string) => new Date(`${text}T00:00:00Z`)
const addDays = (text: string, n: number) => iso(new Date(day(text).getTime() + n * 86_400_000))
const addMonths = (text: string, n: number) => {
  const d = day(text)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last))))
}
/** Monday = 0. */
const weekday = (text: string) => (day(text).getUTCDay() + 6) % 7

/** The weeks (Monday first) covering the month of `focus`, as yyyy-mm-dd, null outside the month. */
function weeksOf(focus: string): ReadonlyArray<ReadonlyArray<string | null>> {
  const first = `${focus.slice(0, 7)}-01`
  const days: Array<string | null> = Array.from({ length: weekday(first) }, () => null)
  for (let d = first; d.slice(0, 7) === focus.slice(0, 7); d = addDays(d, 1)) days.push(d)
  while (days.length % 7 !== 0) days.push(null)
  return Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7))
}

/**
 * Deadlines on a month calendar: a table grid (APG grid pattern) whose day cells say what falls due that day and
 * how it stands. One day is in the tab order; arrows move by day and week, Home/End to the week's ends, PageUp/
 * PageDown by month; Enter or a click lists the day's deadlines below the grid.
 */
export function DeadlineCalendar({
  label,
  deadlines,
  today,
}: {
  label: string
  deadlines: ReadonlyArray<Deadline>
  today: string
}) {
  const { t, language } = useI18n()
  const titleId = useId()
  const [focus, setFocus] = useState(today)
  const [selected, setSelected] = useState<string>()
  const moved = useRef(false)
  const grid = useRef<HTMLTableElement>(null)
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus()
  }, [focus])
  const byDay = new Map<string, Deadline[]>()
  for (const d of deadlines) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d])
  const names = language === "en" ? WEEKDAYS_EN : WEEKDAYS_VI
  const short = language === "en" ? SHORT_EN : SHORT_VI
  const move = (next: string) => {
    moved.current = true
    setFocus(next)
  }
  const onKey = (event: KeyboardEvent, d: string) => {
    const keys: Record<string, () => string> = {
      ArrowLeft: () => addDays(d, -1),
      ArrowRight: () => addDays(d, 1),
      ArrowUp: () => addDays(d, -7),
      ArrowDown: () => addDays(d, 7),
      Home: () => addDays(d, -weekday(d)),
      End: () => addDays(d, 6 - weekday(d)),
      PageUp: () => addMonths(d, -1),
      PageDown: () => addMonths(d, 1),
    }
    const next = keys[event.key]
    if (!next) return
    event.preventDefault()
    move(next())
  }
  const describe = (d: string) => {
    const items = byDay.get(d) ?? []
    const date = `${names[weekday(d)]}, ${formatDate(d)}`
    if (items.length === 0) return `${date}: ${t("calendar.none")}`
    const parts = ORDER.map((k) => [k, items.filter((i) => i.timeliness === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${formatNumber(n)} ${TIMELINESS[k][language === "en" ? 1 : 0]}`)
    return `${date}: ${t("calendar.count", { count: formatNumber(items.length) })} (${parts.join(", ")})`
  }
  const month = `${focus.slice(5, 7)}/${focus.slice(0, 4)}`
  const dayItems = selected ? (byDay.get(selected) ?? []) : []
  return (
    <section aria-labelledby={titleId} className="space-y-2" data-testid="deadline-calendar">
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          className="btn-secondary"
          onClick={() => setFocus(addMonths(focus, -1))}
          aria-label={t("calendar.previous")}
        >
          ‹
        </button>
        <h2 id={titleId} className="text-lg font-semibold" aria-live="polite">
          {label} — {t("calendar.month", { month })}
        </h2>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => setFocus(addMonths(focus, 1))}
          aria-label={t("calendar.next")}
        >
          ›
        </button>
      </div>
      <table role="grid" ref={grid} aria-labelledby={titleId} className="w-full table-fixed border-collapse text-sm">
        <thead>
          <tr>
            {short.map((s, i) => (
              <th key={s} scope="col" abbr={names[i]} className="py-1 text-center font-medium text-slate-700">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(focus).map((week, w) => (
            <tr key={w}>
              {week.map((d, i) =>
                d === null ? (
                  <td key={i} className="border border-slate-200 bg-slate-50" />
                ) : (
                  <td key={d} className="border border-slate-200 p-0 align-top" aria-selected={d === selected}>
                    <button
                      type="button"
                      data-day={d}
                      tabIndex={d === focus ? 0 : -1}
                      aria-current={d === today ? "date" : undefined}
                      onKeyDown={(e) => onKey(e, d)}
                      onClick={() => {
                        setFocus(d)
                        setSelected(d)
                      }}
                      className={`flex h-16 w-full flex-col items-start gap-0.5 p-1 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 ${d === selected ? "bg-blue-50" : "bg-white hover:bg-slate-50"}`}
                    >
                      {/* The name read out is the whole day (date, how many deadlines, how they stand). */}
                      <span className="sr-only">{describe(d)}</span>
                      <span
                        aria-hidden="true"
                        className={`tabular-nums ${d === today ? "rounded bg-red-800 px-1 text-white" : ""}`}
                      >
                        {Number(d.slice(8))}
                      </span>
                      <Marks items={byDay.get(d) ?? []} />
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Legend />
      <div aria-live="polite" data-testid="calendar-day">
        {selected && (
          <>
            <h3 className="font-medium">{t("calendar.day", { date: formatDate(selected) })}</h3>
            {dayItems.length === 0 ? (
              <p className="text-slate-700">{t("calendar.none")}</p>
            ) : (
              <ul className="space-y-1">
                {dayItems.map((item) => (
                  <li key={item.id} className="flex items-start gap-2">
                    <Mark timeliness={item.timeliness} withText />
                    <span>{item.title}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  )
}

function Marks({ items }: { items: ReadonlyArray<Deadline> }) {
  return (
    <span className="flex flex-wrap gap-0.5" aria-hidden="true">
      {ORDER.map((k) => [k, items.filter((i) => i.timeliness === k).length] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => (
          <span key={k} className={`rounded px-1 text-xs leading-4 ${TIMELINESS[k][2]}`}>
            {TIMELINESS[k][3]}
            {n}
          </span>
        ))}
    </span>
  )
}

function Mark({ timeliness, withText }: { timeliness: Timeliness; withText?: boolean }) {
  const { language } = useI18n()
  const [vi, en, style, glyph] = TIMELINESS[timeliness]
  return (
    <span className={`whitespace-nowrap rounded px-1 text-xs leading-5 ${style}`}>
      <span aria-hidden="true">{glyph}</span>
      {withText && <> {language === "en" ? en : vi}</>}
    </span>
  )
}

function Legend() {
  const { t } = useI18n()
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" aria-label={t("calendar.legend")} role="group">
      {ORDER.map((k) => (
        <Mark key={k} timeliness={k} withText />
      ))}
    </div>
  )
}
