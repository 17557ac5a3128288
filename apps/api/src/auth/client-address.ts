import { BlockList, isIP } from "node:net"
import { getConnInfo } from "@hono/node-server/conninfo"
import type { Context } from "hono"

/**
 * The address a sign-in is throttled by. The direct peer, unless the peer is one of the configured trusted
 * proxies (`XKLD_TRUSTED_PROXIES`): then `X-Forwarded-For` is read from the right, skipping trusted hops, and
 * the first untrusted hop is the client (the hops left of it were written by the client and prove nothing).
 * Without the setting the header is ignored: anyone could write it.
 */

/** An address as written, or undefined when it is none: IPv4-mapped IPv6 becomes IPv4; brackets and ports go. */
export const normaliseAddress = (raw: string): string | undefined => {
  let text = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  if (bracketed) text = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(text)
  if (mapped) text = mapped[1]!
  return isIP(text) ? text.toLowerCase() : undefined
}

/** One trusted-proxy entry (`10.0.0.1`, `10.0.0.0/8`, `fd00::/8`), or a message (Vietnamese / English) saying why not. */
export const parseProxyEntry = (
  entry: string,
): { readonly address: string; readonly prefix: number; readonly family: 4 | 6 } | string => {
  const [address, prefixText, extra] = entry.trim().split("/")
  const normal = address === undefined ? undefined : normaliseAddress(address)
  if (!normal || extra !== undefined)
    return `"${entry}" không phải địa chỉ IP hay dải CIDR / is not an IP address or CIDR`
  const family = isIP(normal) as 4 | 6
  const max = family === 4 ? 32 : 128
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN
  if (!(prefix >= 0 && prefix <= max))
    return `"${entry}": độ dài tiền tố phải từ 0 đến ${max} / the prefix length must be 0 to ${max}`
  return { address: normal, prefix, family }
}

const lists = new WeakMap<ReadonlyArray<string>, BlockList>()
const trustedList = (entries: ReadonlyArray<string>): BlockList => {
  let list = lists.get(entries)
  if (!list) {
    list = new BlockList()
    for (const entry of entries) {
      const parsed = parseProxyEntry(entry)
      if (typeof parsed === "string") continue // loadConfig refuses these
      const type = parsed.family === 4 ? "ipv4" : "ipv6"
      list.addSubnet(parsed.address, parsed.prefix, type)
    }
    lists.set(entries, list)
  }
  return list
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6")

const peerOf = (c: Context): string | undefined => {
  try {
    const address = getConnInfo(c).remote.address
    return address === undefined ? undefined : normaliseAddress(address)
  } catch {
    return undefined // no socket (in-process requests)
  }
}

/** The client address of a request (see above); "unknown" when there is no socket to ask. */
export function clientAddress(c: Context, trustedProxies: ReadonlyArray<string>): string {
  const peer = peerOf(c)
  if (!peer) return "unknown"
  if (trustedProxies.length === 0) return peer
  const list = trustedList(trustedProxies)
  if (!isTrusted(list, peer)) return peer
  const header = c.req.header("x-forwarded-for")
  if (!header || header.length > 4096) return peer
  const hops = header.split(",")
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!)
    if (!hop) return peer // a hop the proxies did not write: nothing right of it names the client
    if (!isTrusted(list, hop)) return hop
  }
  return normaliseAddress(hops[0]!) ?? peer // every hop is a trusted proxy: the leftmost is the origin
}
