import http from "node:http"
import { GraphApiClient } from "../graph-api/client"
import { GraphApiError } from "../graph-api/errors"
import { parseUsageHeaders } from "../graph-api/usage"

describe("GraphApiClient", () => {
  let server: http.Server
  let base: string
  const seen: { method?: string; url?: string; auth?: string; body?: any }[] = []
  let reply: { status: number; body: unknown; headers?: Record<string, string> } = { status: 200, body: {} }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = ""
      req.on("data", (c) => (data += c))
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body: data ? JSON.parse(data) : null })
        res.writeHead(reply.status, { "content-type": "application/json", ...(reply.headers ?? {}) })
        res.end(JSON.stringify(reply.body))
      })
    })
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
    base = `http://127.0.0.1:${(server.address() as any).port}`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  it("sends a message with the bearer token, version and Meta's envelope", async () => {
    reply = { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: "34600", wa_id: "34600" }], messages: [{ id: "wamid.1" }] } }
    const client = new GraphApiClient({ baseUrl: `${base}/`, version: "v21.0", accessToken: "tok" })
    const res = await client.sendMessage("123", "34600", { type: "text", text: { body: "hola" } })
    expect(res.messages[0].id).toBe("wamid.1")
    expect(seen.at(-1)).toEqual({
      method: "POST",
      url: "/v21.0/123/messages",
      auth: "Bearer tok",
      body: { messaging_product: "whatsapp", recipient_type: "individual", to: "34600", type: "text", text: { body: "hola" } },
    })
  })

  it("turns Meta's error body into a GraphApiError with code and details, and reads usage headers", async () => {
    reply = {
      status: 429,
      body: { error: { message: "(#130429) Rate limit hit", type: "OAuthException", code: 130429, error_data: { details: "throughput reached" } } },
      headers: { "x-business-use-case-usage": JSON.stringify({ "1": [{ call_count: 95, total_cputime: 10, total_time: 20, estimated_time_to_regain_access: 3 }] }) },
    }
    const client = new GraphApiClient({ baseUrl: base, version: "v21.0", accessToken: "tok" })
    const error = await client.markAsRead("123", "wamid.1").catch((e) => e)
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error).toMatchObject({ status: 429, code: "130429", details: "throughput reached" })
    expect(client.lastUsage).toEqual({ maxPercent: 95, regainAccessMinutes: 3 })
  })

  it("reports an unreachable server as a retryable network error", async () => {
    const client = new GraphApiClient({ baseUrl: "http://127.0.0.1:1", version: "v21.0", accessToken: "tok", timeoutMs: 2000 })
    await expect(client.getPhoneNumber("1")).rejects.toMatchObject({ status: 0, code: "network" })
  })

  it("parses X-App-Usage and ignores malformed headers", () => {
    const headers = new Headers({ "x-app-usage": '{"call_count":12,"total_cputime":40,"total_time":7}' })
    expect(parseUsageHeaders(headers)).toEqual({ maxPercent: 40, regainAccessMinutes: 0 })
    expect(parseUsageHeaders(new Headers({ "x-app-usage": "{nope" }))).toBeNull()
  })
})
