import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"

/** Where the interactive docs live; assets are served beside them, from the `swagger-ui-dist` npm package. */
export const DOCS_PATH = "/api/docs"
export const DOCS_ASSETS = `${DOCS_PATH}/assets`
export const OPENAPI_PATH = "/api/openapi.json"

/** The package's files the page uses (a closed list: nothing else under node_modules is reachable). */
const PACKAGE_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui.css.map": "application/json; charset=utf-8",
  "index.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-bundle.js.map": "application/json; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js.map": "application/json; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
}

/** The page's own start-up script: a file, not inline, so the page's CSP can forbid inline scripts. */
export const INITIALIZER = "xkld-docs.js"

/**
 * Content-Security-Policy of the docs page and its assets: everything from this origin, no inline script,
 * no eval, no other origin to talk to. Swagger UI sets inline styles and draws icons as data: images.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ")

const packageDir = (): string => dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"))

export interface Asset {
  readonly body: Uint8Array | string
  readonly contentType: string
}

const cache = new Map<string, Promise<Asset | undefined>>()

/** One asset by file name, or undefined for any name not on the list. */
export function docsAsset(file: string): Promise<Asset | undefined> {
  if (file === INITIALIZER)
    return Promise.resolve({ body: initializerScript(), contentType: "text/javascript; charset=utf-8" })
  const contentType = Object.hasOwn(PACKAGE_FILES, file) ? PACKAGE_FILES[file] : undefined
  if (!contentType) return Promise.resolve(undefined)
  let asset = cache.get(file)
  if (!asset) {
    asset = readFile(join(packageDir(), file)).then((body) => ({ body: new Uint8Array(body), contentType }))
    asset.catch(() => cache.delete(file))
    cache.set(file, asset)
  }
  return asset
}

/** The version of Swagger UI served (for cache validation). */
export const swaggerUiVersion = (): string =>
  (createRequire(import.meta.url)("swagger-ui-dist/package.json") as { version: string }).version

export const docsHtml = (): string => `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tài liệu API — XKLĐ</title>
    <link rel="stylesheet" href="${DOCS_ASSETS}/swagger-ui.css" />
    <link rel="stylesheet" href="${DOCS_ASSETS}/index.css" />
    <link rel="icon" type="image/png" href="${DOCS_ASSETS}/favicon-32x32.png" sizes="32x32" />
    <link rel="icon" type="image/png" href="${DOCS_ASSETS}/favicon-16x16.png" sizes="16x16" />
  </head>
  <body>
    <noscript>Trang tài liệu cần JavaScript. Bản mô tả máy đọc được: <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a></noscript>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS}/swagger-ui-standalone-preset.js"></script>
    <script src="${DOCS_ASSETS}/${INITIALIZER}"></script>
  </body>
</html>
`

/**
 * Starts Swagger UI on the API's own document. "Try it out" uses the browser's session cookie; the CSRF
 * token of the session (from GET /api/session, or from a sign-in made on the page) is added to writes.
 */
const initializerScript = (): string => `"use strict";
(function () {
  var csrfToken = null;
  function remember(body) {
    try {
      var parsed = typeof body === "string" ? JSON.parse(body) : body;
      if (parsed && typeof parsed.csrfToken === "string") csrfToken = parsed.csrfToken;
    } catch (e) {}
  }
  fetch("/api/session", { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(remember, function () {});
  window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
      url: ${JSON.stringify(OPENAPI_PATH)},
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null,
      withCredentials: true,
      persistAuthorization: false,
      tryItOutEnabled: false,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      layout: "StandaloneLayout",
      requestInterceptor: function (request) {
        var method = (request.method || "GET").toUpperCase();
        if (csrfToken && method !== "GET" && method !== "HEAD" && !request.headers["X-CSRF-Token"]) request.headers["X-CSRF-Token"] = csrfToken;
        return request;
      },
      responseInterceptor: function (response) {
        if (response && response.url && /\\/api\\/session$/.test(response.url) && response.ok) remember(response.text || response.data);
        return response;
      }
    });
  });
})();
`
