// The demo proxy's decisions, kept free of sockets so they can be tested:
// which server takes the next request, which headers go through, what may be
// sent again after a server failed to answer, and what a log line shows.

/**
 * Round-robin over the servers marked healthy. A server is marked down when
 * a request to it fails or its health check does, and up again when a
 * health check passes.
 */
class RoundRobin {
  constructor(names) {
    this.names = [...names]
    this.healthy = new Set(this.names)
    this.next = 0
  }

  /** The next healthy server not in `exclude`, or null when none is left. */
  pick(exclude = new Set()) {
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[(this.next + i) % this.names.length]
      if (this.healthy.has(name) && !exclude.has(name)) {
        this.next = (this.next + i + 1) % this.names.length
        return name
      }
    }
    return null
  }

  hasHealthy(exclude = new Set()) {
    return this.names.some((name) => this.healthy.has(name) && !exclude.has(name))
  }

  /** Records a health observation; true when it changed the server's state. */
  mark(name, up) {
    if (up === this.healthy.has(name)) return false
    if (up) this.healthy.add(name)
    else this.healthy.delete(name)
    return true
  }
}

// RFC 9110 §7.6.1: these describe one connection, not the message, so a
// proxy does not forward them. Everything else passes unchanged.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"])

function hopByHopNames(connectionHeader) {
  const named = String(connectionHeader ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
  return new Set([...HOP_BY_HOP, ...named])
}

/**
 * A raw header list (name, value, name, value… as Node's `rawHeaders`)
 * without the hop-by-hop headers; names keep their case and repeated
 * headers stay separate.
 */
function endToEndRawHeaders(rawHeaders) {
  let connection = ""
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === "connection") connection += `,${rawHeaders[i + 1]}`
  }
  const drop = hopByHopNames(connection)
  const kept = []
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!drop.has(rawHeaders[i].toLowerCase())) kept.push(rawHeaders[i], rawHeaders[i + 1])
  }
  return kept
}

/**
 * The request's headers for the server, as `http.request` takes them (a
 * repeated header as an array of its values, names as the client wrote
 * them): end-to-end headers unchanged, the client's address appended to
 * X-Forwarded-For, and X-Forwarded-Proto and -Host set unless a proxy in
 * front of this one (a tunnel to the demo) already set them.
 */
function forwardedHeaders(rawHeaders, { remoteAddress, encrypted }) {
  const kept = endToEndRawHeaders(rawHeaders)
  const out = []
  let forwardedFor = null
  let host = null
  let hasProto = false
  let hasHost = false
  for (let i = 0; i < kept.length; i += 2) {
    const name = kept[i].toLowerCase()
    if (name === "x-forwarded-for") {
      forwardedFor = forwardedFor ? `${forwardedFor}, ${kept[i + 1]}` : kept[i + 1]
      continue
    }
    if (name === "host") host = kept[i + 1]
    if (name === "x-forwarded-proto") hasProto = true
    if (name === "x-forwarded-host") hasHost = true
    out.push(kept[i], kept[i + 1])
  }
  out.push("X-Forwarded-For", forwardedFor ? `${forwardedFor}, ${remoteAddress}` : remoteAddress)
  if (!hasProto) out.push("X-Forwarded-Proto", encrypted ? "https" : "http")
  if (!hasHost && host) out.push("X-Forwarded-Host", host)
  return headerObject(out)
}

/** A raw header list as an object; a repeated header keeps each value. */
function headerObject(rawHeaders) {
  const headers = {}
  const keyOf = new Map()
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i].toLowerCase()
    const key = keyOf.get(lower)
    if (key === undefined) {
      keyOf.set(lower, rawHeaders[i])
      headers[rawHeaders[i]] = rawHeaders[i + 1]
    } else {
      headers[key] = [].concat(headers[key], rawHeaders[i + 1])
    }
  }
  return headers
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])

/**
 * May the request go to another server after the first failed to answer?
 * Only an idempotent method without a body: the body is streamed through,
 * so it cannot be sent twice, and a POST (a webhook, an order) is never
 * repeated.
 */
function isRetryable(method, headers) {
  if (!IDEMPOTENT.has(method)) return false
  if (headers["transfer-encoding"]) return false
  return !headers["content-length"] || headers["content-length"] === "0"
}

/** The path for the proxy's log: no query string, and no checkout token. */
function pathForLog(url) {
  const path = String(url).split(/[?#]/)[0]
  return path.startsWith("/whatsapp/checkout/") ? "/whatsapp/checkout/…" : path
}

module.exports = { RoundRobin, endToEndRawHeaders, forwardedHeaders, isRetryable, pathForLog }
