import { configFromEnv, type DatabaseConfig } from "@xkld/event-store"
import { parseProxyEntry } from "./auth/client-address.ts"

export type Mode = "demo" | "development" | "production"

export interface AppConfig {
  readonly mode: Mode
  readonly port: number
  readonly database: DatabaseConfig
  /** Base64 master key that wraps every person's key (envelope encryption, ADR 0007). */
  readonly masterKey: string
  /** Base64 key of the citizen-ID blind index. */
  readonly indexKey: string
  /** Signs nothing secret by itself; sessions are random ids stored server-side. Used for CSRF tokens. */
  readonly sessionSecret: string
  /** Cookies get `Secure` outside development and demo on localhost. */
  readonly secureCookies: boolean
  /**
   * Addresses and CIDR ranges of the reverse proxies in front of the API (`XKLD_TRUSTED_PROXIES`, comma- or
   * space-separated). Only a request whose direct peer is one of them has its `X-Forwarded-For` read (the
   * rightmost hop that is not a trusted proxy is the client); empty: the header is ignored.
   */
  readonly trustedProxies: ReadonlyArray<string>
}

/** Development-only keys: refused in production (`ConfigError`), so real data never sits under them. */
export const DEFAULT_SECRETS = {
  masterKey: Buffer.alloc(32, 7).toString("base64"),
  indexKey: Buffer.alloc(32, 9).toString("base64"),
  sessionSecret: "xkld-development-session-secret",
} as const

export class ConfigError extends Error {}

/**
 * Reads the environment. `XKLD_MODE` is `demo` (the default for `pnpm start`: demo province and accounts),
 * `development`, or `production` (refuses to start with default secrets or without explicit keys).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode = (env.XKLD_MODE ?? "demo") as Mode
  if (!["demo", "development", "production"].includes(mode))
    throw new ConfigError(
      `XKLD_MODE phải là demo, development hoặc production / must be demo, development or production`,
    )
  const config: AppConfig = {
    mode,
    port: Number(env.PORT || 3000),
    database: configFromEnv(env),
    masterKey: env.XKLD_MASTER_KEY ?? DEFAULT_SECRETS.masterKey,
    indexKey: env.XKLD_INDEX_KEY ?? DEFAULT_SECRETS.indexKey,
    sessionSecret: env.XKLD_SESSION_SECRET ?? DEFAULT_SECRETS.sessionSecret,
    secureCookies: mode === "production" || env.XKLD_SECURE_COOKIES === "1",
    trustedProxies: (env.XKLD_TRUSTED_PROXIES ?? "").split(/[\s,]+/).filter((entry) => entry !== ""),
  }
  for (const entry of config.trustedProxies) {
    const parsed = parseProxyEntry(entry)
    if (typeof parsed === "string") throw new ConfigError(`XKLD_TRUSTED_PROXIES: ${parsed}`)
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
    throw new ConfigError(`PORT không hợp lệ / invalid PORT: ${env.PORT}`)
  if (mode === "production") {
    const defaults = (Object.keys(DEFAULT_SECRETS) as Array<keyof typeof DEFAULT_SECRETS>).filter(
      (k) => config[k] === DEFAULT_SECRETS[k],
    )
    if (defaults.length > 0)
      throw new ConfigError(
        `Chế độ production không chạy với khóa mặc định: hãy đặt ${defaults.map((k) => `XKLD_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`).join(", ")} / production refuses default secrets`,
      )
    for (const [name, value] of [
      ["XKLD_MASTER_KEY", config.masterKey],
      ["XKLD_INDEX_KEY", config.indexKey],
    ] as const)
      if (Buffer.from(value, "base64").length !== 32)
        throw new ConfigError(`${name} phải là 32 byte base64 / must be 32 bytes, base64`)
    // One key for both would let whoever holds the blind index unwrap every person's key, and the reverse.
    if (Buffer.from(config.masterKey, "base64").equals(Buffer.from(config.indexKey, "base64")))
      throw new ConfigError("XKLD_MASTER_KEY và XKLD_INDEX_KEY phải là hai khóa khác nhau / must be two different keys")
  }
  return config
}
