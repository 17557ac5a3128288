import { ReportingObligation } from "@xkld/domain"
import { formatDate } from "../text.ts"
import { OBLIGATION_STATUS } from "./labels.ts"
import type { Column, Row, Scope } from "./model.ts"
import type { ObligationRow } from "./province-data.ts"

/** The "Thực hiện chế độ báo cáo" table of every report (a commune's, the province's, a department's). */
export const OBLIGATION_COLUMNS: ReadonlyArray<Column> = [
  { label: "Báo cáo", kind: "text", width: 40 },
  { label: "Hạn nộp", kind: "text", width: 18 },
  { label: "Tình trạng", kind: "text", width: 22 },
  { label: "Văn bản", kind: "text", width: 20 },
]

/** The reporter's obligations by deadline, each with its status on `on` and the document that fulfilled it. */
export const obligationRows = (
  obligations: ReadonlyArray<ObligationRow>,
  on: string,
  scope: Scope,
): ReadonlyArray<Omit<Row, "ref" | "key">> =>
  obligations
    .toSorted((a, b) => a.deadline.localeCompare(b.deadline) || a.obligationId.localeCompare(b.obligationId))
    .map((ob) => ({
      cells: [
        `${ob.reporter.name} → ${ob.recipient.name}: ${ob.period.label}`,
        ob.deadlineRule === "as-needed" ? "Khi có yêu cầu / theo quy định" : formatDate(ob.deadline),
        OBLIGATION_STATUS[ReportingObligation.submissionStatus(ob, on).status] ?? "",
        ob.submission ? `${ob.submission.documentRef.number} (${formatDate(ob.submission.submittedOn)})` : "",
      ],
      lineage: null,
      scope,
    }))

/** How many of them were submitted on time. */
export const metOnTime = (obligations: ReadonlyArray<ObligationRow>, on: string): number =>
  obligations.filter((ob) => ReportingObligation.submissionStatus(ob, on).status === "on-time").length
