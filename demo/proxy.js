// The demo's load balancer in split mode: one public port in front of the
// API servers, as a merchant's load balancer sits in front of theirs. It
// takes turns over the healthy servers and streams each request and answer
// through untouched, so the WhatsApp webhook's HMAC over the raw body still
// holds. Workers get no traffic: their work comes through Redis.
// Node's own http module is enough for this; no proxy package is needed.
const http = require("node:http")
const { RoundRobin, endToEndRawHeaders, forwardedHeaders, isRetryable, pathForLog } = require("./proxy-routing")

const HEALTH_EVERY_MS = 2_000
const HEALTH_TIMEOUT_MS = 2_000

/**
 * @param {object} opts
 * @param {{ name: string, port: number }[]} opts.servers Medusa API servers on 127.0.0.1
 * @param {(line: string) => void} opts.log
 * @param {boolean} [opts.verbose] one line per request: which server answered, status, time
 */
function createProxy({ servers, log, verbose = false }) {
  const portOf = new Map(servers.map((s) => [s.name, s.port]))
  const turns = new RoundRobin(servers.map((s) => s.name))
  // A fresh connection per request: a kept-alive socket that the server
  // closes as it is reused would fail a POST that cannot be sent again.
  const agent = new http.Agent({ keepAlive: false })

  const markDown = (name, why) => turns.mark(name, false) && log(`${name} is down (${why}); requests go to the others`)
  const markUp = (name) => turns.mark(name, true) && log(`${name} is up again`)

  function checkHealth(name) {
    const check = http.get({ host: "127.0.0.1", port: portOf.get(name), path: "/health", agent, timeout: HEALTH_TIMEOUT_MS }, (res) => {
      res.resume()
      if (res.statusCode === 200) markUp(name)
      else markDown(name, `health check answered ${res.statusCode}`)
    })
    check.on("timeout", () => check.destroy(new Error("health check timed out")))
    check.on("error", (error) => markDown(name, error.code ?? error.message))
  }
  const healthTimer = setInterval(() => servers.forEach((s) => checkHealth(s.name)), HEALTH_EVERY_MS)
  healthTimer.unref()

  function handle(req, res) {
    const started = Date.now()
    const retryable = isRetryable(req.method, req.headers)
    const headers = forwardedHeaders(req.rawHeaders, { remoteAddress: req.socket.remoteAddress, encrypted: !!req.socket.encrypted })
    const what = `${req.method} ${pathForLog(req.url)}`
    const tried = new Set()

    const attempt = () => {
      const name = turns.pick(tried)
      if (!name) {
        res.writeHead(503, { "content-type": "text/plain", "retry-after": "1" })
        res.end("No API server is available\n")
        return
      }
      tried.add(name)
      const upstream = http.request({ host: "127.0.0.1", port: portOf.get(name), method: req.method, path: req.url, headers, agent })
      res.on("close", () => res.writableFinished || upstream.destroy())
      upstream.on("response", (answer) => {
        res.writeHead(answer.statusCode, answer.statusMessage, endToEndRawHeaders(answer.rawHeaders))
        answer.pipe(res)
        answer.on("error", () => res.destroy())
        if (verbose) res.on("finish", () => log(`${what} → ${name} ${answer.statusCode} (${Date.now() - started} ms)`))
      })
      upstream.on("error", (error) => {
        if (res.headersSent) return res.destroy()
        markDown(name, error.code ?? error.message)
        if (retryable && turns.hasHealthy(tried)) {
          log(`${what}: ${name} did not answer; sent again to the next server`)
          return attempt()
        }
        res.writeHead(502, { "content-type": "text/plain" })
        res.end("The API server did not answer\n")
      })
      if (!retryable) return req.pipe(upstream)
      req.resume()
      upstream.end()
    }
    attempt()
  }

  const server = http.createServer(handle)
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject)
        server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`))
      }),
    close: () =>
      new Promise((resolve) => {
        clearInterval(healthTimer)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

module.exports = { createProxy }
