import { AccessTokenCache } from "../payments/access-token-cache"
import { payPalHeaderProblem, PayPalWebhookHeaders } from "../payments/paypal-webhook-headers"

const NOW = new Date("2026-12-06T10:00:00Z")
/** Headers as PayPal sends them (values from PayPal's verify-webhook-signature sample). */
const headers = (over: Partial<PayPalWebhookHeaders> = {}): PayPalWebhookHeaders => ({
  "transmission-id": "d938e770-8046-11e6-8103-6b62a8a99ac4",
  "transmission-time": "2026-12-06T09:59:30Z",
  "transmission-sig": "eDOnWUj9FXOnr2naQnrdL7bhgejVSTwRbwbJ0kuk5wAtm2ZYkr7w5BSUDO7e5ZOsqLwN3sPn3RV85Jd9pjHuTlpuXDLYk==",
  "cert-url": "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77",
  "auth-algo": "SHA256withRSA",
  ...over,
})

describe("payPalHeaderProblem", () => {
  it("lets PayPal's own certificate hosts and a fresh transmission through", () => {
    for (const host of ["api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com"]) {
      expect(payPalHeaderProblem(headers({ "cert-url": `https://${host}/v1/notifications/certs/CERT-1` }), { now: NOW })).toBeNull()
    }
    expect(payPalHeaderProblem(headers({ "transmission-time": "2026-12-06T10:04:00.123+00:00" }), { now: NOW })).toBeNull()
  })

  it("refuses a certificate anywhere else, or not over https", () => {
    for (const url of [
      "https://evil.example.com/v1/notifications/certs/CERT-1",
      "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1",
      "https://evilapi.paypal.com/v1/notifications/certs/CERT-1",
      "http://api.paypal.com/v1/notifications/certs/CERT-1",
      "https://api.paypal.com:8443/v1/notifications/certs/CERT-1",
      "https://user@api.paypal.com/v1/notifications/certs/CERT-1",
      "https://api.paypal.com/v1/oauth2/token",
      "not a url",
    ]) {
      expect([url, payPalHeaderProblem(headers({ "cert-url": url }), { now: NOW })]).toEqual([url, expect.stringMatching(/PAYPAL-CERT-URL/)])
    }
  })

  it("accepts the local fake's origin only when it is the configured API base", () => {
    const fake = "http://127.0.0.1:9302/v1/notifications/certs/CERT-sandbox-1"
    expect(payPalHeaderProblem(headers({ "cert-url": fake }), { now: NOW })).toMatch(/PayPal host/)
    expect(payPalHeaderProblem(headers({ "cert-url": fake }), { now: NOW, extraCertOrigin: "http://127.0.0.1:9302" })).toBeNull()
    expect(payPalHeaderProblem(headers({ "cert-url": fake }), { now: NOW, extraCertOrigin: "http://127.0.0.1:9303" })).toMatch(/PayPal host/)
  })

  it("refuses a transmission time outside ±5 minutes, or one that is not an Internet date-time", () => {
    expect(payPalHeaderProblem(headers({ "transmission-time": "2026-12-06T09:54:59Z" }), { now: NOW })).toMatch(/window/)
    expect(payPalHeaderProblem(headers({ "transmission-time": "2026-12-06T10:05:01Z" }), { now: NOW })).toMatch(/window/)
    expect(payPalHeaderProblem(headers({ "transmission-time": "Sun, 06 Dec 2026 10:00:00 GMT" }), { now: NOW })).toMatch(/malformed/)
    expect(payPalHeaderProblem(headers({ "transmission-time": "2026-12-06T09:54:59Z" }), { now: NOW, windowMs: 10 * 60_000 })).toBeNull()
  })

  it("refuses values longer than PayPal's verify API takes", () => {
    expect(payPalHeaderProblem(headers({ "transmission-id": "x".repeat(51) }), { now: NOW })).toMatch(/too long/)
    expect(payPalHeaderProblem(headers({ "auth-algo": "SHA256 with RSA" }), { now: NOW })).toMatch(/AUTH-ALGO/)
  })
})

describe("AccessTokenCache", () => {
  it("fetches once for many callers and reuses the token until shortly before expires_in", async () => {
    let now = 0
    let fetched = 0
    const cache = new AccessTokenCache(async () => ({ accessToken: `token-${++fetched}`, expiresInSeconds: 32400 }), () => now)
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["token-1", "token-1", "token-1"])
    now = (32400 - 301) * 1000
    expect(await cache.get()).toBe("token-1")
    now = (32400 - 299) * 1000
    expect(await cache.get()).toBe("token-2")
    expect(fetched).toBe(2)
  })

  it("fetches again after a refused token or a failed request", async () => {
    let fetched = 0
    const cache = new AccessTokenCache(async () => {
      fetched++
      if (fetched === 1) throw new Error("PayPal token request answered 503")
      return { accessToken: `token-${fetched}`, expiresInSeconds: 100 }
    })
    await expect(cache.get()).rejects.toThrow(/503/)
    expect(await cache.get()).toBe("token-2")
    cache.invalidate("token-2")
    expect(await cache.get()).toBe("token-3")
  })
})
