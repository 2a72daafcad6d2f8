import { EmbeddingsClient, EmbeddingsError, parseDuration, redactSecret, retryAfterMs } from "../ai/embeddings-client"
import { cosine, unitVector } from "../search/hybrid"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createEmbeddingsSandbox } = require("../../../sandbox/embeddings")

const fake = createEmbeddingsSandbox()
let baseUrl = ""
const sleeps: number[] = []
const client = (overrides: Partial<ConstructorParameters<typeof EmbeddingsClient>[0]> = {}) =>
  new EmbeddingsClient({ baseUrl, apiKey: fake.apiKey, model: fake.model, sleep: async (ms) => void sleeps.push(ms), ...overrides })
const faults = (body: Record<string, unknown>) =>
  fetch(`${baseUrl.replace(/\/v1$/, "")}/__fake/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
const call = { timeoutMs: 2_000, retries: 2, baseDelayMs: 10 }

beforeAll(async () => {
  baseUrl = `${await fake.listen(0)}/v1`
})
afterAll(() => fake.close())
beforeEach(async () => {
  sleeps.length = 0
  await fetch(`${baseUrl.replace(/\/v1$/, "")}/__fake/reset`, { method: "POST" })
})

describe("EmbeddingsClient against the fake provider", () => {
  it("embeds texts in order, in batches of batchSize, and counts the tokens", async () => {
    const texts = ["paraguas negro", "umbrella", "taza de cerámica", "guarda-chuva", "camiseta roja"]
    const { vectors, promptTokens } = await client({ batchSize: 2 }).embed(texts, call)
    expect(vectors).toHaveLength(5)
    expect(promptTokens).toBeGreaterThan(0)
    expect(fake.state.requests.map((r: any) => r.inputs)).toEqual([2, 2, 1])
    expect(fake.state.requests.every((r: any) => r.with_key && r.model === fake.model)).toBe(true)
    const [paraguas, umbrella, taza, guardaChuva] = vectors.map((v) => unitVector(v)!)
    expect(cosine(paraguas, umbrella)).toBeGreaterThan(cosine(paraguas, taza) + 0.3)
    expect(cosine(umbrella, guardaChuva)).toBeGreaterThan(0.5)
  })

  it("retries a 429 after the wait the provider asks for, then succeeds", async () => {
    await faults({ status: 429, times: 2 })
    const { vectors } = await client().embed(["mochila"], call)
    expect(vectors).toHaveLength(1)
    expect(fake.state.requests).toHaveLength(3)
    // retry-after: 1 (seconds) wins over the 10 ms backoff.
    expect(sleeps).toEqual([1000, 1000])
  })

  it("gives up on a 500 after the retries, with a retryable error", async () => {
    await faults({ status: 500, times: 5 })
    const error = await client().embed(["mochila"], { ...call, retries: 1 }).catch((e) => e)
    expect(error).toBeInstanceOf(EmbeddingsError)
    expect(error).toMatchObject({ status: 500, retryable: true })
    expect(fake.state.requests).toHaveLength(2)
    expect(sleeps).toEqual([10])
  })

  it("does not retry a refused key, and never shows the key", async () => {
    const key = "sk-wrong-key-that-must-not-leak-9876"
    const error = await client({ apiKey: key }).embed(["mochila"], call).catch((e) => e)
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", retryable: false })
    expect(error.message).not.toContain(key)
    expect(fake.state.requests).toHaveLength(1)
  })

  it("reports an unknown model and an input over the model's limit as permanent", async () => {
    const model = await client({ model: "no-such-model" }).embed(["mochila"], call).catch((e) => e)
    expect(model).toMatchObject({ status: 404, code: "model_not_found", retryable: false })
    const small = createEmbeddingsSandbox({ models: { tiny: { dimensions: 16, maxTokens: 5 } } })
    const url = await small.listen(0)
    try {
      const long = await new EmbeddingsClient({ baseUrl: `${url}/v1`, apiKey: small.apiKey, model: "tiny" }).embed(["a much longer product text"], call).catch((e) => e)
      expect(long).toMatchObject({ status: 400, code: "invalid_request_error", retryable: false })
      expect(long.message).toContain("maximum context length")
    } finally {
      await small.close()
    }
  })

  it("times out a slow answer as a retryable failure", async () => {
    await faults({ delayMs: 300, times: 1 })
    const error = await client().embed(["mochila"], { timeoutMs: 50, retries: 0 }).catch((e) => e)
    expect(error).toMatchObject({ code: "timeout", retryable: true })
  })

  it("reports an unreachable endpoint without the key", async () => {
    const error = await client({ baseUrl: "http://127.0.0.1:1/v1" }).embed(["x"], { timeoutMs: 1_000, retries: 0 }).catch((e) => e)
    expect(error).toMatchObject({ retryable: true })
    expect(error.message).toMatch(/unreachable/)
    expect(error.message).not.toContain(fake.apiKey)
  })
})

describe("retry headers", () => {
  it("reads retry-after in seconds or as a date, else OpenAI's reset durations", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000)
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 4_000)).toBe(6000)
    expect(retryAfterMs(new Headers({ "x-ratelimit-reset-requests": "20ms", "x-ratelimit-reset-tokens": "1m30s" }))).toBe(90_000)
    expect(retryAfterMs(new Headers())).toBeNull()
  })

  it("parses durations and refuses what is not one", () => {
    expect(parseDuration("6m0s")).toBe(360_000)
    expect(parseDuration("0.5s")).toBe(500)
    expect(parseDuration("250ms")).toBe(250)
    expect(parseDuration("soon")).toBeNull()
    expect(parseDuration("5 s")).toBeNull()
  })

  it("redacts a secret wherever it appears", () => {
    expect(redactSecret("key sk-abcdef in sk-abcdef", "sk-abcdef")).toBe("key [redacted] in [redacted]")
    expect(redactSecret("nothing", undefined)).toBe("nothing")
  })
})
