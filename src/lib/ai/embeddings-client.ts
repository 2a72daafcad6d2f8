/**
 * Client for an OpenAI-compatible embeddings endpoint (OpenAI, Ollama's
 * `/v1`, or any gateway that speaks the same wire format). Wire format, from
 * OpenAI's API reference "Embeddings → Create embeddings"
 * (https://platform.openai.com/docs/api-reference/embeddings/create) and its
 * OpenAPI spec (CreateEmbeddingRequest / CreateEmbeddingResponse):
 *   POST {baseUrl}/embeddings, `Authorization: Bearer <key>`,
 *   body { model, input: string | string[], encoding_format?: "float" | "base64" },
 *   input arrays hold at most 2048 items, none empty, each within the model's
 *   input limit (8192 tokens for OpenAI's models);
 *   answer { object: "list", data: [{ object: "embedding", index, embedding }], model, usage: { prompt_tokens, total_tokens } }.
 * Errors carry { error: { message, type, param, code } }. 429 means a rate
 * limit (retry after `retry-after` or `x-ratelimit-reset-requests`, per
 * OpenAI's "Rate limits" guide, https://platform.openai.com/docs/guides/rate-limits)
 * unless its type is `insufficient_quota` (billing: retrying cannot help).
 * Ollama's OpenAI compatibility page (https://docs.ollama.com/api/openai-compatibility)
 * lists `/v1/embeddings` with `model` and `input` (string or array); it
 * ignores the key.
 */

/** OpenAI's cap on inputs in one request. */
export const MAX_INPUTS_PER_REQUEST = 2048
/** Texts are cut to this many characters: far under the 8192-token input limit of common models. */
export const MAX_INPUT_CHARS = 8_000

export type EmbeddingsClientOptions = {
  baseUrl: string
  apiKey?: string
  model: string
  /** Inputs per request. */
  batchSize?: number
  fetch?: typeof fetch
  /** Sleep between retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>
}

export type EmbedCallOptions = {
  /** Per request. */
  timeoutMs: number
  /** Retries after a retryable failure (429 rate limit, 5xx, timeout, network). */
  retries: number
  /** First backoff; doubles per retry, capped at maxDelayMs. A retry header wins when it asks for longer. */
  baseDelayMs?: number
  maxDelayMs?: number
}

export type EmbedResult = { vectors: number[][]; promptTokens: number }

/**
 * A failed embeddings call, described without the key or the texts: the
 * status, the provider's error type and code, and a message from which the
 * key is removed.
 */
export class EmbeddingsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    readonly retryable: boolean,
    /** How long the provider asked us to wait, if it did. */
    readonly retryAfterMs: number | null = null
  ) {
    super(message)
    this.name = "EmbeddingsError"
  }
}

export class EmbeddingsClient {
  private readonly fetchImpl: typeof fetch
  private readonly sleep: (ms: number) => Promise<void>
  readonly batchSize: number

  constructor(private readonly options: EmbeddingsClientOptions) {
    this.fetchImpl = options.fetch ?? fetch
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.batchSize = Math.min(Math.max(1, options.batchSize ?? 64), MAX_INPUTS_PER_REQUEST)
  }

  get model() {
    return this.options.model
  }

  /** Embeds texts in order, one request per batch; each batch retried on its own. */
  async embed(texts: string[], call: EmbedCallOptions): Promise<EmbedResult> {
    const vectors: number[][] = []
    let promptTokens = 0
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map(prepareInput)
      const result = await this.withRetries(() => this.request(batch, call.timeoutMs), call)
      vectors.push(...result.vectors)
      promptTokens += result.promptTokens
    }
    return { vectors, promptTokens }
  }

  private async withRetries(attempt: () => Promise<EmbedResult>, call: EmbedCallOptions): Promise<EmbedResult> {
    const base = call.baseDelayMs ?? 500
    const max = call.maxDelayMs ?? 20_000
    for (let tries = 0; ; tries++) {
      try {
        return await attempt()
      } catch (error) {
        if (!(error instanceof EmbeddingsError) || !error.retryable || tries >= call.retries) throw error
        const backoff = Math.min(max, base * 2 ** tries)
        await this.sleep(Math.min(max, Math.max(backoff, error.retryAfterMs ?? 0)))
      }
    }
  }

  private async request(input: string[], timeoutMs: number): Promise<EmbedResult> {
    const headers: Record<string, string> = { "content-type": "application/json" }
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`
    let response: Response
    try {
      response = await this.fetchImpl(`${this.options.baseUrl}/embeddings`, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: this.options.model, input, encoding_format: "float" }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const name = (error as Error)?.name
      if (name === "TimeoutError" || name === "AbortError") {
        throw new EmbeddingsError(`embeddings request timed out after ${timeoutMs} ms`, null, "timeout", true)
      }
      const cause = (error as { cause?: { code?: string } })?.cause?.code
      throw new EmbeddingsError(`embeddings endpoint unreachable${cause ? ` (${cause})` : ""}`, null, cause ?? "network", true)
    }
    let body: any
    try {
      body = await response.json()
    } catch {
      body = null
    }
    if (!response.ok) throw this.failure(response, body)
    return this.parse(body, input.length)
  }

  private failure(response: Response, body: any): EmbeddingsError {
    const error = body && typeof body === "object" ? body.error ?? {} : {}
    const type = typeof error.type === "string" ? error.type : null
    const code = typeof error.code === "string" ? error.code : type ?? `http_${response.status}`
    const quota = type === "insufficient_quota" || code === "insufficient_quota"
    const retryable = (response.status === 429 && !quota) || response.status >= 500 || response.status === 408
    const detail = typeof error.message === "string" ? this.redact(error.message).slice(0, 300) : response.statusText
    return new EmbeddingsError(
      `embeddings endpoint answered ${response.status} ${code}: ${detail}`,
      response.status,
      code,
      retryable,
      retryAfterMs(response.headers)
    )
  }

  private parse(body: any, expected: number): EmbedResult {
    const data = body?.data
    if (!Array.isArray(data) || data.length !== expected) {
      throw new EmbeddingsError(`embeddings answer has ${Array.isArray(data) ? data.length : "no"} vectors for ${expected} inputs`, 200, "bad_response", false)
    }
    const vectors: number[][] = new Array(expected)
    for (const item of data) {
      const index = item?.index
      const embedding = item?.embedding
      if (!Number.isInteger(index) || index < 0 || index >= expected || !Array.isArray(embedding) || !embedding.length) {
        throw new EmbeddingsError("embeddings answer holds a malformed item", 200, "bad_response", false)
      }
      vectors[index] = embedding
    }
    const dimensions = vectors[0].length
    if (vectors.some((v) => !v || v.length !== dimensions)) {
      throw new EmbeddingsError("embeddings answer mixes vector sizes", 200, "bad_response", false)
    }
    return { vectors, promptTokens: Number(body?.usage?.prompt_tokens) || 0 }
  }

  /** Removes the key from text a provider echoed back (some quote the key they refused). */
  redact(text: string): string {
    return redactSecret(text, this.options.apiKey)
  }
}

export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text
  return text.split(secret).join("[redacted]")
}

/** The wire format refuses empty strings; product texts are cut to stay within input limits. */
function prepareInput(text: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim()
  return (trimmed || "-").slice(0, MAX_INPUT_CHARS)
}

/**
 * The wait a 429 asks for: `retry-after` (seconds or an HTTP date), else
 * OpenAI's `x-ratelimit-reset-requests` / `-tokens` ("1s", "6m0s", "120ms").
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const after = headers.get("retry-after")
  if (after) {
    if (/^\d+(\.\d+)?$/.test(after.trim())) return Math.round(Number(after) * 1000)
    const at = Date.parse(after)
    if (!Number.isNaN(at)) return Math.max(0, at - now)
  }
  const resets = ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"]
    .map((name) => headers.get(name))
    .map((value) => (value ? parseDuration(value) : null))
    .filter((ms): ms is number => ms != null)
  return resets.length ? Math.max(...resets) : null
}

/** "1m30s", "6s", "250ms", "0.5s" → milliseconds; null when not a duration. */
export function parseDuration(value: string): number | null {
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)]
  if (!parts.length || parts.map((p) => p[0]).join("") !== value.trim()) return null
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 }
  return Math.round(parts.reduce((total, [, n, u]) => total + Number(n) * unit[u], 0))
}
