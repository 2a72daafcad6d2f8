import { signWebhookBody, verifyWebhookSignature } from "../webhook-signature"

describe("webhook signature", () => {
  const body = Buffer.from('{"text":"caf\\u00e9 \\ud83d\\udc4b"}')

  it("accepts Meta's HMAC over the exact bytes, with any of the candidate secrets", () => {
    const header = signWebhookBody(body, "secret-b")
    expect(verifyWebhookSignature(body, header, ["secret-a", "secret-b"])).toBe(true)
    expect(verifyWebhookSignature(body, header.toUpperCase().replace("SHA256=", "sha256="), ["secret-b"])).toBe(true)
  })

  it("refuses re-serialised JSON, other secrets and malformed headers", () => {
    const header = signWebhookBody(body, "secret")
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())))
    expect(verifyWebhookSignature(reserialised, header, ["secret"])).toBe(false)
    expect(verifyWebhookSignature(body, header, ["other"])).toBe(false)
    expect(verifyWebhookSignature(body, undefined, ["secret"])).toBe(false)
    expect(verifyWebhookSignature(body, header.replace("sha256=", "sha1="), ["secret"])).toBe(false)
    expect(verifyWebhookSignature(body, header.slice(0, -2), ["secret"])).toBe(false)
    expect(verifyWebhookSignature(body, header, [])).toBe(false)
  })
})
