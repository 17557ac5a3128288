import { Schema } from "effect"
import { notFound } from "../http/to-problem.ts"
import { defineRoute, type RouteSpec } from "../http/route.ts"
import { buildOpenApiDocument, type OpenApiDocument } from "./document.ts"
import {
  DOCS_ASSETS,
  DOCS_CSP,
  DOCS_PATH,
  docsAsset,
  docsHtml,
  INITIALIZER,
  OPENAPI_PATH,
  swaggerUiVersion,
} from "./swagger-ui.ts"

/** The registry is read when the document is first asked for (it lists these routes too, so it cannot be imported here). */
const registry = async (): Promise<ReadonlyArray<RouteSpec>> => (await import("../routes/index.ts")).allRoutes

let cached: Promise<OpenApiDocument> | undefined
const documentOnce = () => (cached ??= registry().then((routes) => buildOpenApiDocument(routes)))

const TAGS = ["Tài liệu API"]

export const openapiRoutes = [
  defineRoute({
    method: "get",
    path: OPENAPI_PATH,
    summary: "Mô tả API theo chuẩn OpenAPI 3.1",
    summaryEn: "OpenAPI 3.1 description of this API",
    tags: TAGS,
    access: "public",
    response: Schema.Record(Schema.String, Schema.Unknown),
    handler: async ({ c }) => {
      c.header("cache-control", "no-cache")
      return documentOnce()
    },
  }),
  defineRoute({
    method: "get",
    path: DOCS_PATH,
    summary: "Tài liệu API tương tác (Swagger UI)",
    summaryEn: "Interactive API documentation (Swagger UI)",
    tags: TAGS,
    access: "public",
    files: ["text/html"],
    handler: async ({ c }) => {
      c.header("content-security-policy", DOCS_CSP)
      c.header("cache-control", "no-cache")
      return c.html(docsHtml())
    },
  }),
  defineRoute({
    method: "get",
    path: `${DOCS_ASSETS}/:file`,
    summary: "Tệp giao diện của trang tài liệu API",
    summaryEn: "Static files of the documentation page",
    tags: TAGS,
    access: "public",
    params: Schema.Struct({ file: Schema.String.check(Schema.isPattern(/^[A-Za-z0-9._-]{1,100}$/u)) }),
    files: ["text/css", "text/javascript", "image/png"],
    handler: async ({ params, c }) => {
      const asset = await docsAsset(params.file)
      if (!asset) throw notFound(`tệp ${params.file}`, `File ${params.file}`)
      c.header("content-type", asset.contentType)
      c.header("content-security-policy", DOCS_CSP)
      if (params.file === INITIALIZER) c.header("cache-control", "no-cache")
      else {
        c.header("cache-control", "public, max-age=86400")
        c.header("etag", `"swagger-ui-${swaggerUiVersion()}-${params.file}"`)
      }
      return c.body(asset.body as any, 200)
    },
  }),
]
