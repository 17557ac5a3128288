import { AdminUnit } from "@xkld/domain"
import { Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { today } from "../clock.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"
import { importQuota } from "./quota-import.ts"
import { importStages } from "./stage-import.ts"
import { quotaTemplate, stagesTemplate, workersTemplate, xlsxResponse, type TemplateUnit } from "./templates.ts"
import { readUpload, RAW_UPLOAD_TYPES } from "./upload.ts"
import { importWorkers } from "./worker-import.ts"

const TAGS = ["Nhập dữ liệu từ Excel"]
const UPLOAD = { contentTypes: ["multipart/form-data", ...RAW_UPLOAD_TYPES] }

const RowErrorSchema = Schema.Struct({
  row: Schema.Number,
  field: Schema.String,
  column: Schema.optional(Schema.String),
  message: Schema.String,
  messageEn: Schema.String,
})

const WorkerImportResponse = Schema.Struct({
  fileName: Schema.String,
  fileSha256: Schema.String,
  rows: Schema.Number,
  imported: Schema.Number,
  alreadyImported: Schema.Number,
  workers: Schema.Array(Schema.Struct({ row: Schema.Number, workerId: Schema.String })),
})

const StageImportResponse = Schema.Struct({
  fileName: Schema.String,
  fileSha256: Schema.String,
  rows: Schema.Number,
  imported: Schema.Number,
  alreadyImported: Schema.Number,
  facts: Schema.Array(
    Schema.Struct({ row: Schema.Number, workerId: Schema.String, eventId: Schema.String, type: Schema.String }),
  ),
})

const QuotaImportResponse = Schema.Struct({
  fileName: Schema.String,
  fileSha256: Schema.String,
  rows: Schema.Number,
  planId: Schema.String,
  action: Schema.Literals(["issued", "amended"]),
  imported: Schema.Number,
  alreadyImported: Schema.Number,
  eventId: Schema.String,
  version: Schema.Number,
  allocations: Schema.Number,
  printedTotal: Schema.NullOr(Schema.Number),
  consistency: Schema.Unknown,
  warnings: Schema.Array(RowErrorSchema),
})

const optionalText = Schema.optional(Schema.String)

const QuotaQuery = Schema.Struct({
  plan: optionalText,
  year: Schema.optional(Schema.String.check(Schema.isPattern(/^\d{4}$/))),
  province: Schema.optional(Schema.String.check(Schema.isPattern(/^\d{2}$/))),
  target: Schema.optional(Schema.String.check(Schema.isPattern(/^\d+$/))),
  title: optionalText,
  legalNumber: optionalText,
  legalDate: optionalText,
  issuer: optionalText,
  effectiveOn: optionalText,
  reason: optionalText,
})

/** The units offered in a template: a commune officer's own, or every commune and ward of the province today. */
const templateUnits = async (services: AppServices, actor: Actor): Promise<ReadonlyArray<TemplateUnit>> => {
  const catalogue = await services.models.catalogues.at()
  const units = AdminUnit.unitsOf(catalogue, actor.provinceCode, today())
  const own = actor.role === "commune-officer" ? new Set(actor.unitIds) : undefined
  return units.filter((u) => !own || own.has(u.unitId)).map((u) => ({ code: u.code, name: u.name }))
}

export const importRoutes = [
  defineRoute({
    method: "get",
    path: "/api/imports/templates/workers.xlsx",
    summary: "Tải tệp mẫu Excel danh sách người lao động",
    summaryEn: "Download the Excel template of a workers list",
    tags: TAGS,
    access: "signed-in",
    handler: async ({ services, actor }) =>
      xlsxResponse(await workersTemplate(await templateUnits(services, actor)), "mau-danh-sach-nguoi-lao-dong.xlsx"),
  }),
  defineRoute({
    method: "get",
    path: "/api/imports/templates/stages.xlsx",
    summary: "Tải tệp mẫu Excel quá trình của người lao động (tư vấn, đào tạo, hợp đồng, xuất cảnh, về nước…)",
    summaryEn: "Download the Excel template of workers' lifecycle stages",
    tags: TAGS,
    access: "signed-in",
    handler: async () => xlsxResponse(await stagesTemplate(), "mau-qua-trinh-nguoi-lao-dong.xlsx"),
  }),
  defineRoute({
    method: "get",
    path: "/api/imports/templates/quota.xlsx",
    summary: "Tải tệp mẫu Excel bảng giao chỉ tiêu",
    summaryEn: "Download the Excel template of a quota table",
    tags: TAGS,
    access: "signed-in",
    handler: async ({ services, actor }) =>
      xlsxResponse(
        await quotaTemplate(await templateUnits(services, { ...actor, role: "province-officer" })),
        "mau-bang-giao-chi-tieu.xlsx",
      ),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/workers",
    summary:
      "Nhập danh sách người lao động từ Excel (.xlsx): kiểm tra mọi dòng, có lỗi thì không ghi gì (422, báo lỗi từng dòng); nhập lại cùng tệp không ghi thêm",
    summaryEn:
      "Import a workers list from Excel: every row validated, all or nothing (422 with row errors), the same file twice writes nothing new",
    tags: TAGS,
    access: ["province-officer", "commune-officer"],
    write: true,
    rawBody: UPLOAD,
    response: WorkerImportResponse,
    handler: async ({ services, request, c }) =>
      importWorkers(services, request, await readUpload(c, "danh-sach.xlsx")),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/stages",
    summary:
      "Nhập quá trình của người lao động đã đăng ký từ Excel (mỗi dòng một thông tin: tư vấn, đào tạo, khám sức khỏe, hợp đồng, hộ chiếu, thị thực, vay vốn, hỗ trợ, xuất cảnh, về nước, bảo hộ công dân…; người lao động theo mã hoặc số CCCD): kiểm tra mọi dòng, có lỗi thì không ghi gì (422, báo lỗi từng dòng); nhập lại cùng tệp không ghi thêm",
    summaryEn:
      "Import lifecycle stages of registered workers from Excel (one fact a row, the worker by id or citizen ID): every row validated and decided, all or nothing (422 with row errors), the same file twice writes nothing new",
    tags: TAGS,
    access: ["province-officer", "commune-officer"],
    write: true,
    rawBody: UPLOAD,
    response: StageImportResponse,
    handler: async ({ services, request, c }) => importStages(services, request, await readUpload(c, "qua-trinh.xlsx")),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/quota",
    summary:
      "Nhập bảng giao chỉ tiêu từ Excel: điều chỉnh kế hoạch (plan=…) hoặc ban hành kế hoạch mới (year, target, legalNumber, legalDate, issuer); trả về báo cáo khớp số",
    summaryEn:
      "Import a quota table from Excel: amend a plan (plan=…) or issue a new one (year, target, legalNumber, legalDate, issuer); returns the consistency report",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    rawBody: UPLOAD,
    query: QuotaQuery,
    response: QuotaImportResponse,
    handler: async ({ services, request, c, query }) =>
      importQuota(services, request, await readUpload(c, "chi-tieu.xlsx"), query),
  }),
]
