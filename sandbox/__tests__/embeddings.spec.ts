// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createEmbeddingsSandbox, fakeEmbedding } = require("../embeddings")

const fake = createEmbeddingsSandbox()
let url = ""
const post = (body: unknown, key: string | null = fake.apiKey) =>
  fetch(`${url}/v1/embeddings`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })

beforeAll(async () => {
  url = await fake.listen(0)
})
afterAll(() => fake.close())

describe("fake embeddings endpoint (OpenAI wire format)", () => {
  it("answers a list of embeddings with indexes, model and usage, and rate-limit headers", async () => {
    const res = await post({ model: fake.model, input: ["paraguas", "umbrella"] })
    expect(res.status).toBe(200)
    expect(res.headers.get("x-ratelimit-remaining-requests")).toBe("2999")
    const body = await res.json()
    expect(body).toMatchObject({ object: "list", model: fake.model, usage: { prompt_tokens: expect.any(Number), total_tokens: expect.any(Number) } })
    expect(body.data.map((d: any) => [d.object, d.index, d.embedding.length])).toEqual([["embedding", 0, 384], ["embedding", 1, 384]])
  })

  it("takes a single string, a smaller dimensions value and base64 encoding", async () => {
    const body = await (await post({ model: fake.model, input: "mochila", dimensions: 32, encoding_format: "base64" })).json()
    const bytes = Buffer.from(body.data[0].embedding, "base64")
    const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
    expect(floats).toHaveLength(32)
    expect(Array.from(floats)[0]).toBeCloseTo(fakeEmbedding("mochila", 32)[0], 5)
  })

  it("is deterministic, and puts cross-language synonyms close", () => {
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0)
    expect(fakeEmbedding("Balón de fútbol")).toEqual(fakeEmbedding("Balón de fútbol"))
    expect(dot(fakeEmbedding("pelota"), fakeEmbedding("balón"))).toBeGreaterThan(0.6)
    expect(dot(fakeEmbedding("pelota"), fakeEmbedding("cafetera"))).toBeLessThan(0.3)
  })

  it("refuses a missing or wrong key with 401, showing only the key's end", async () => {
    const missing = await post({ model: fake.model, input: "x" }, null)
    expect(missing.status).toBe(401)
    expect((await missing.json()).error).toMatchObject({ type: "invalid_request_error", code: null, param: null })
    const wrong = await post({ model: fake.model, input: "x" }, "sk-not-the-right-key-1234")
    const body = await wrong.json()
    expect(body.error.code).toBe("invalid_api_key")
    expect(body.error.message).not.toContain("sk-not-the-right-key-1234")
  })

  it("refuses a bad body, an unknown model, empty input and too many inputs", async () => {
    expect((await post("{not json")).status).toBe(400)
    expect((await (await post({ input: "x" })).json()).error.param).toBe("model")
    const model = await post({ model: "nope", input: "x" })
    expect([model.status, (await model.json()).error.code]).toEqual([404, "model_not_found"])
    expect((await post({ model: fake.model, input: "" })).status).toBe(400)
    expect((await post({ model: fake.model, input: new Array(2049).fill("a") })).status).toBe(400)
    expect((await post({ model: fake.model, input: "x", encoding_format: "hex" })).status).toBe(400)
  })

  it("fails on request with 429 and retry headers, or 500, the given number of times", async () => {
    await fetch(`${url}/__fake/faults`, { method: "POST", body: JSON.stringify({ status: 429, times: 1 }) })
    const limited = await post({ model: fake.model, input: "x" })
    expect(limited.status).toBe(429)
    expect(limited.headers.get("retry-after")).toBe("1")
    expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0")
    expect((await limited.json()).error.code).toBe("rate_limit_exceeded")
    expect((await post({ model: fake.model, input: "x" })).status).toBe(200)
    await fetch(`${url}/__fake/faults`, { method: "POST", body: JSON.stringify({ status: 500, times: 1 }) })
    expect((await post({ model: fake.model, input: "x" })).status).toBe(500)
  })
})
