import { decodeKey, findUnknownOptions, InvalidPluginOptionsError, parsePluginOptions } from "../options"

const valid = {
  verifyToken: "verify-token-123",
  publicUrl: "https://shop.example",
  encryptionKey: "0123456789abcdef".repeat(4),
}

describe("parsePluginOptions", () => {
  it("fills defaults", () => {
    expect(parsePluginOptions(valid)).toMatchObject({
      graphApiUrl: "https://graph.facebook.com",
      graphApiVersion: "v21.0",
      optOutKeywords: ["STOP", "BAJA", "PARAR", "SAIR"],
      optInKeywords: ["START"],
      messagesPerSecond: 80,
    })
  })

  it("names every bad option in one error", () => {
    let error: InvalidPluginOptionsError | undefined
    try {
      parsePluginOptions({ ...valid, encryptionKey: "short", graphApiVersion: "21", publicUrl: "nope" })
    } catch (e) {
      error = e as InvalidPluginOptionsError
    }
    expect(error).toBeInstanceOf(InvalidPluginOptionsError)
    expect(error!.message).toContain("encryptionKey: must be 32 bytes")
    expect(error!.message).toContain("graphApiVersion")
    expect(error!.message).toContain("publicUrl")
    expect(error!.issues).toHaveLength(3)
  })

  it("names a missing required option", () => {
    expect(() => parsePluginOptions({ publicUrl: valid.publicUrl, encryptionKey: valid.encryptionKey })).toThrow(
      /verifyToken/
    )
  })

  it("lists options nobody reads, ignoring the ones Medusa adds", () => {
    expect(findUnknownOptions({ ...valid, apSecret: "typo", database: {} })).toEqual(["apSecret"])
  })
})

describe("decodeKey", () => {
  it("accepts 32 bytes as hex or base64 and nothing else", () => {
    expect(decodeKey("ab".repeat(32))?.length).toBe(32)
    expect(decodeKey(Buffer.alloc(32, 7).toString("base64"))?.length).toBe(32)
    expect(decodeKey("ab".repeat(31))).toBeNull()
    expect(decodeKey(Buffer.alloc(16).toString("base64"))).toBeNull()
  })
})

describe("publicUrlProblem", () => {
  const { publicUrlProblem } = require("../options")
  it("asks for https in production, except on a loopback host", () => {
    expect(publicUrlProblem("http://shop.example", "production")).toMatch(/must be https in production/)
    expect(publicUrlProblem("https://shop.example", "production")).toBeNull()
    expect(publicUrlProblem("http://localhost:9000", "production")).toBeNull()
    expect(publicUrlProblem("http://127.0.0.1:9000", "production")).toBeNull()
    expect(publicUrlProblem("http://shop.example", "development")).toBeNull()
  })
  it("refuses what cannot be a base URL", () => {
    expect(publicUrlProblem("ftp://shop.example", undefined)).toMatch(/http\(s\)/)
    expect(publicUrlProblem("https://shop.example/?a=1", undefined)).toMatch(/plain base URL/)
    expect(publicUrlProblem("https://user:pw@shop.example", undefined)).toMatch(/plain base URL/)
  })
})
