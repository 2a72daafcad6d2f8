import net from "node:net"
import tls from "node:tls"

/** A Redis URL as it may be logged: the password replaced. */
export function redactRedisUrl(value: string): string {
  try {
    const url = new URL(value)
    if (url.password) url.password = "***"
    return url.toString().replace(/\/$/, "")
  } catch {
    return "(not a URL)"
  }
}

/**
 * Does something answer the Redis protocol at `value` within `timeoutMs`?
 * Resolves null when it does (any reply to PING counts: an auth error still
 * proves the server is there), else the reason it does not.
 */
export function redisUnreachable(value: string, timeoutMs = 5_000): Promise<string | null> {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return Promise.resolve("it is not a URL")
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") return Promise.resolve(`unsupported protocol ${url.protocol}`)
  const port = Number(url.port || 6379)
  const host = url.hostname.replace(/^\[|\]$/g, "")
  return new Promise((resolve) => {
    const socket = url.protocol === "rediss:" ? tls.connect({ host, port, servername: host }) : net.connect({ host, port })
    const done = (reason: string | null) => {
      socket.destroy()
      resolve(reason)
    }
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`))
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ? `${error.code} (${error.message})` : error.message))
    socket.once(url.protocol === "rediss:" ? "secureConnect" : "connect", () => socket.write("PING\r\n"))
    socket.once("data", (chunk) => done(/^[+-]/.test(chunk.toString()) ? null : "the server does not speak the Redis protocol"))
  })
}
