import { findUnknownOptions, InvalidPluginOptionsError, parsePluginOptions } from "../options"

const valid = {
  verifyToken: "verify-token-123",
  publicUrl: "https://shop.example",
  encryptionKey: "0123456789abcdef".repeat(4),
}
const issues = (ai: unknown) => {
  try {
    parsePluginOptions({ ...valid, ai })
  } catch (e) {
    return (e as InvalidPluginOptionsError).issues
  }
  return []
}

describe("the ai option", () => {
  it("is off by default", () => {
    expect(parsePluginOptions(valid).ai).toBeUndefined()
    expect(findUnknownOptions({ ...valid, ai: {} })).toEqual([])
  })

  it("takes an OpenAI-compatible base URL with its version path, and fills the defaults", () => {
    expect(parsePluginOptions({ ...valid, ai: { baseUrl: "http://localhost:11434/v1/", embeddingModel: "nomic-embed-text" } }).ai).toEqual({
      baseUrl: "http://localhost:11434/v1",
      embeddingModel: "nomic-embed-text",
      queryTimeoutMs: 1500,
      minSimilarity: 0.5,
      batchSize: 64,
    })
    expect(parsePluginOptions({ ...valid, ai: { baseUrl: "https://api.openai.com/v1", apiKey: "sk-x", embeddingModel: "text-embedding-3-small" } }).ai?.apiKey).toBe("sk-x")
  })

  it("names each bad field", () => {
    expect(issues({ embeddingModel: "m" })).toEqual([expect.stringMatching(/^ai\.baseUrl: /)])
    expect(issues({ baseUrl: "not a url", embeddingModel: "m" })).toEqual(["ai.baseUrl: must be an absolute URL such as https://api.openai.com/v1"])
    expect(issues({ baseUrl: "ftp://x.example/v1", embeddingModel: "m" })).toEqual(["ai.baseUrl: must be an http(s) URL"])
    expect(issues({ baseUrl: "https://api.openai.com/v1/embeddings", embeddingModel: "m" })[0]).toMatch(/without "\/embeddings"/)
    expect(issues({ baseUrl: "https://api.openai.com/v1", embeddingModel: " " })).toEqual([expect.stringMatching(/^ai\.embeddingModel: must name the embedding model/)])
    expect(issues({ baseUrl: "https://api.openai.com/v1", embeddingModel: "m", apiKey: "" })[0]).toMatch(/^ai\.apiKey: must not be empty/)
    expect(issues({ baseUrl: "https://api.openai.com/v1", embeddingModel: "m", minSimilarity: 2, queryTimeoutMs: 10 })).toHaveLength(2)
  })

  it("refuses a misspelt key inside it", () => {
    expect(issues({ baseUrl: "https://api.openai.com/v1", embeddingModel: "m", apikey: "sk" })[0]).toMatch(/^ai: .*apikey/)
  })
})
