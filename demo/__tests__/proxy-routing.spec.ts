const { RoundRobin, endToEndRawHeaders, forwardedHeaders, isRetryable, pathForLog } = require("../proxy-routing")

describe("RoundRobin", () => {
  it("takes turns over the healthy servers and skips one marked down until it is up again", () => {
    const turns = new RoundRobin(["server-1", "server-2", "server-3"])
    expect([turns.pick(), turns.pick(), turns.pick(), turns.pick()]).toEqual(["server-1", "server-2", "server-3", "server-1"])
    expect(turns.mark("server-2", false)).toBe(true)
    expect(turns.mark("server-2", false)).toBe(false)
    expect([turns.pick(), turns.pick(), turns.pick()]).toEqual(["server-3", "server-1", "server-3"])
    expect(turns.mark("server-2", true)).toBe(true)
    expect([turns.pick(), turns.pick()]).toEqual(["server-1", "server-2"])
  })

  it("leaves out the servers a request already tried, and answers null when none is left", () => {
    const turns = new RoundRobin(["server-1", "server-2"])
    turns.mark("server-2", false)
    expect(turns.pick(new Set(["server-1"]))).toBeNull()
    expect(turns.hasHealthy(new Set(["server-1"]))).toBe(false)
    expect(turns.hasHealthy()).toBe(true)
  })
})

describe("headers", () => {
  it("drops hop-by-hop headers, including those the Connection header names, and keeps the rest as they came", () => {
    const raw = ["Host", "shop", "Connection", "keep-alive, X-Trace", "X-Trace", "1", "Keep-Alive", "timeout=5", "Set-Cookie", "a=1", "Set-Cookie", "b=2", "Transfer-Encoding", "chunked"]
    expect(endToEndRawHeaders(raw)).toEqual(["Host", "shop", "Set-Cookie", "a=1", "Set-Cookie", "b=2", "Transfer-Encoding", "chunked"])
  })

  it("passes the signature and body headers unchanged and adds X-Forwarded-*", () => {
    const raw = ["Host", "localhost:9000", "X-Hub-Signature-256", "sha256=abc", "Content-Type", "application/json", "Content-Length", "42", "Accept", "a", "Accept", "b"]
    expect(forwardedHeaders(raw, { remoteAddress: "127.0.0.1", encrypted: false })).toEqual({
      Host: "localhost:9000",
      "X-Hub-Signature-256": "sha256=abc",
      "Content-Type": "application/json",
      "Content-Length": "42",
      Accept: ["a", "b"],
      "X-Forwarded-For": "127.0.0.1",
      "X-Forwarded-Proto": "http",
      "X-Forwarded-Host": "localhost:9000",
    })
  })

  it("appends to the X-Forwarded-For of a proxy in front and keeps its protocol and host", () => {
    const raw = ["Host", "127.0.0.1:9000", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"]
    expect(forwardedHeaders(raw, { remoteAddress: "::1", encrypted: false })).toEqual({
      Host: "127.0.0.1:9000",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "shop.example",
      "X-Forwarded-For": "203.0.113.7, ::1",
    })
  })
})

describe("isRetryable", () => {
  it("sends again only idempotent requests without a body", () => {
    expect(isRetryable("GET", {})).toBe(true)
    expect(isRetryable("DELETE", { "content-length": "0" })).toBe(true)
    expect(isRetryable("PUT", { "content-length": "10" })).toBe(false)
    expect(isRetryable("DELETE", { "transfer-encoding": "chunked" })).toBe(false)
    expect(isRetryable("POST", {})).toBe(false)
    expect(isRetryable("PATCH", {})).toBe(false)
  })
})

describe("pathForLog", () => {
  it("drops the query and the checkout token", () => {
    expect(pathForLog("/admin/products?q=camiseta")).toBe("/admin/products")
    expect(pathForLog("/whatsapp/checkout/tok.sig?x=1")).toBe("/whatsapp/checkout/…")
    expect(pathForLog("/whatsapp/webhook")).toBe("/whatsapp/webhook")
  })
})
