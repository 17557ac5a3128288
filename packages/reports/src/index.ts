export { buildReport, UnknownReporter, type Reporter, type ReportOptions } from "./content/build.ts"
export { departmentReporters, departmentsNamedIn, isAgencyReporter, UnknownDepartment } from "./content/department.ts"
export {
  figuresOf,
  REPORT_FORMATS,
  type Cell,
  type Column,
  type Figure,
  type ReportContent,
  type ReportFormat,
  type Row,
  type Scope,
  type Section,
  type Signer,
  type Table,
} from "./content/model.ts"
export {
  loadProvinceData,
  PERIOD_PATTERN,
  reportPeriod,
  type ObligationRow,
  type ProvinceData,
  type ReportPeriod,
  type TaskRow,
} from "./content/province-data.ts"
export { reportJson } from "./formats/json.ts"
export { PDF_FONTS } from "./formats/pdf.ts"
export { CONTENT_TYPES, fileNameOf, renderReport, sha256, type RenderedReport } from "./render.ts"
export { writeProvinceReports, type ProvinceReportsOptions, type ProvinceReportsProgress } from "./province-folder.ts"
export { documentCode, formatNumber, nfc, placeDateLine } from "./text.ts"
export { differenceSinceIssue, reportDifference, type FigureDifference, type ReportDifference } from "./difference.ts"
export { renderAll, reportContent, UnknownPeriod, type ReportRequest } from "./issued.ts"
export {
  CONTENT_VERSION,
  contentVersionOf,
  UnknownContentVersion,
  VERSIONS_BEFORE_RECORDING,
} from "./content/versions.ts"
