import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
const { createProxy } = require("../proxy")

/** A stand-in API server that answers with what it received. */
function echoServer(name: string, port = 0) {
  const seen: { method: string; url: string; rawHeaders: string[]; body: Buffer }[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) })
      res.writeHead(200, ["Content-Type", "text/plain", "Set-Cookie", "a=1", "Set-Cookie", "b=2"])
      res.end(name)
    })
  })
  return new Promise<{ name: string; port: number; seen: typeof seen; close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({ name, port: (server.address() as AddressInfo).port, seen, close: () => new Promise((r) => server.close(() => r())) })
    )
  )
}

/** A loopback port nothing listens on. */
async function closedPort() {
  const probe = await echoServer("probe")
  await probe.close()
  return probe.port
}

function request(url: string, options: http.RequestOptions, body?: Buffer) {
  return new Promise<{ status: number; rawHeaders: string[]; text: string }>((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let text = ""
      res.on("data", (c) => (text += c))
      res.on("end", () => resolve({ status: res.statusCode!, rawHeaders: res.rawHeaders, text }))
    })
    req.on("error", reject)
    req.end(body)
  })
}

describe("the demo proxy", () => {
  const open: { close: () => Promise<unknown> }[] = []
  const logs: string[] = []
  afterEach(async () => {
    for (const thing of open.splice(0)) await thing.close()
    logs.length = 0
  })

  async function proxyTo(servers: { name: string; port: number }[]) {
    const proxy = createProxy({ servers, log: (line: string) => logs.push(line) })
    open.push(proxy)
    return proxy.listen(0, "127.0.0.1") as Promise<string>
  }

  it("takes turns over the servers and passes a webhook's bytes and signature through unchanged", async () => {
    const one = await echoServer("server-1")
    const two = await echoServer("server-2")
    open.push(one, two)
    const url = await proxyTo([one, two])
    // Meta escapes non-ASCII, but the HMAC covers whatever bytes arrive: any change breaks it.
    const body = Buffer.from('{"entry":[{"text":"caf\\u00e9 ☕"}]}  \r\n', "utf8")
    const signature = `sha256=${crypto.createHmac("sha256", "secret").update(body).digest("hex")}`
    const headers = { "Content-Type": "application/json", "X-Hub-Signature-256": signature, Host: "shop.example" }

    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await request(`${url}/whatsapp/webhook?x=1`, { method: "POST", headers }, body))
    expect(answers.map((a) => a.text)).toEqual(["server-1", "server-2", "server-1"])
    // Repeated response headers stay separate.
    expect(answers[0].rawHeaders.filter((h, i) => i % 2 === 0 && h === "Set-Cookie")).toHaveLength(2)

    const received = one.seen[0]
    expect(received.method).toBe("POST")
    expect(received.url).toBe("/whatsapp/webhook?x=1")
    expect(received.body.equals(body)).toBe(true)
    const header = (name: string) => received.rawHeaders[received.rawHeaders.findIndex((h) => h.toLowerCase() === name) + 1]
    expect(header("x-hub-signature-256")).toBe(signature)
    expect(header("host")).toBe("shop.example")
    expect(header("x-forwarded-for")).toBe("127.0.0.1")
    expect(header("x-forwarded-proto")).toBe("http")
    expect(header("x-forwarded-host")).toBe("shop.example")
  })

  it("streams a chunked answer through whole, compressed bytes untouched", async () => {
    const zlib = require("node:zlib")
    const payload = zlib.gzipSync(Buffer.from("x".repeat(100_000)))
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Encoding": "gzip", "Content-Type": "application/javascript" })
      res.write(payload.subarray(0, 10))
      setTimeout(() => res.end(payload.subarray(10)), 10)
    })
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()))
    open.push({ close: () => new Promise((r) => upstream.close(r)) })
    const url = await proxyTo([{ name: "server-1", port: (upstream.address() as AddressInfo).port }])
    const body = await new Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      http.get(`${url}/app/assets/index.js`, (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }))
      }).on("error", reject)
    })
    expect(body.headers["transfer-encoding"]).toBe("chunked")
    expect(body.headers["content-encoding"]).toBe("gzip")
    expect(body.bytes.equals(payload)).toBe(true)
  })

  it("sends a GET to the next server when one does not answer, and marks that one down", async () => {
    const up = await echoServer("server-2")
    open.push(up)
    const url = await proxyTo([{ name: "server-1", port: await closedPort() }, up])
    const answer = await request(`${url}/admin/products`, { method: "GET" })
    expect(answer).toMatchObject({ status: 200, text: "server-2" })
    expect(logs.join("\n")).toMatch(/server-1 is down \(ECONNREFUSED\)/)
    expect(logs.join("\n")).toMatch(/GET \/admin\/products: server-1 did not answer; sent again to the next server/)
  })

  it("never sends a POST twice: a server that does not answer is a 502", async () => {
    const up = await echoServer("server-2")
    open.push(up)
    const url = await proxyTo([{ name: "server-1", port: await closedPort() }, up])
    const answer = await request(`${url}/whatsapp/webhook`, { method: "POST", headers: { "Content-Type": "application/json" } }, Buffer.from("{}"))
    expect(answer.status).toBe(502)
    expect(up.seen).toHaveLength(0)
    // The next request goes to the server that is up.
    expect((await request(`${url}/whatsapp/webhook`, { method: "POST" }, Buffer.from("{}"))).text).toBe("server-2")
  })

  it("takes a server back once its health check passes again", async () => {
    const port = await closedPort()
    const url = await proxyTo([{ name: "server-1", port }])
    expect((await request(`${url}/health`, { method: "GET" })).status).toBe(502)
    const back = await echoServer("server-1", port)
    open.push(back)
    for (let i = 0; i < 100 && !logs.includes("server-1 is up again"); i++) await new Promise((r) => setTimeout(r, 100))
    expect((await request(`${url}/health`, { method: "GET" })).text).toBe("server-1")
  })

  it("answers 502 when the last server fails, then 503 while none is up", async () => {
    const url = await proxyTo([{ name: "server-1", port: await closedPort() }])
    expect((await request(`${url}/health`, { method: "GET" })).status).toBe(502)
    expect((await request(`${url}/health`, { method: "GET" })).status).toBe(503)
  })
})
