// A FAKE OpenAI-compatible embeddings endpoint for tests and benches. It is
// not a language model: its vectors are a hashed bag of character trigrams
// and words, plus one shared feature per group of a small built-in
// multilingual synonym map (es/pt/en), so "paraguas" and "umbrella" come out
// close while unrelated words do not. Deterministic: the same text always
// gives the same vector.
//
// The wire format follows OpenAI's API reference "Embeddings → Create
// embeddings" (https://platform.openai.com/docs/api-reference/embeddings/create):
//   POST /v1/embeddings, Authorization: Bearer <key>,
//   body { model, input: string | string[] (≤ 2048 items, none empty), encoding_format?: "float" | "base64", dimensions? },
//   200 { object: "list", data: [{ object: "embedding", index, embedding }], model, usage: { prompt_tokens, total_tokens } }.
// Errors follow OpenAI's "Error codes" guide (https://platform.openai.com/docs/guides/error-codes):
// { error: { message, type, param, code } } with 401 invalid_api_key, 404
// model_not_found, 400 invalid_request_error (bad input, input over the
// model's context length), 429 rate_limit_exceeded with the rate-limit
// headers of the "Rate limits" guide (https://platform.openai.com/docs/guides/rate-limits:
// x-ratelimit-limit/remaining/reset-requests and -tokens, reset as "1s" or "20ms")
// and 500 server_error. Ollama serves the same shape at /v1/embeddings
// (https://docs.ollama.com/api/openai-compatibility).
//
// Test controls (not part of the API): POST /__fake/faults
// { status?: 429 | 500, times?: n, delayMs?: n } makes the next `times`
// requests fail (or answer after delayMs); GET /__fake/requests lists what
// was asked (model, input count, whether a key came); POST /__fake/reset.
const http = require("node:http")

const DEFAULT_MODEL = "fake-embed-multilingual"

/** Words that mean the same product thing across es/pt/en (and common synonyms). */
const SYNONYM_GROUPS = [
  ["paraguas", "guarda-chuva", "guardachuva", "sombrilla", "umbrella"],
  ["camiseta", "t-shirt", "tshirt", "tee", "playera", "remera"],
  ["zapatillas", "zapatilla", "sneakers", "sneaker", "tenis", "trainers"],
  ["balon", "pelota", "bola", "ball", "football", "futbol"],
  ["cafetera", "cafeteira", "moka", "coffee", "espresso"],
  ["esterilla", "colchoneta", "tapete", "mat", "yoga"],
  ["piel", "cuero", "couro", "leather"],
  ["sandalia", "sandalias", "sandal", "sandals", "chinelo"],
  ["mochila", "backpack", "rucksack"],
  ["vaqueros", "vaquero", "jeans", "denim", "calca", "tejanos"],
  ["gorra", "bone", "cap", "cappello"],
  ["reloj", "relogio", "watch", "wristwatch"],
  ["gafas", "oculos", "sunglasses", "glasses", "lentes"],
  ["bolso", "bolsa", "bag", "handbag", "cartera"],
  ["chaqueta", "jaqueta", "jacket", "cazadora", "chamarra"],
  ["sudadera", "moletom", "hoodie", "sweatshirt"],
  ["vestido", "dress"],
  ["calcetines", "calcetin", "meias", "meia", "socks", "sock"],
  ["botella", "garrafa", "bottle", "termo", "thermos"],
  ["auriculares", "cascos", "fones", "headphones", "earphones"],
  ["rojo", "roja", "vermelho", "vermelha", "red"],
  ["azul", "blue"],
  ["negro", "negra", "preto", "preta", "black"],
  ["blanco", "blanca", "branco", "branca", "white"],
  ["verde", "green"],
]
const CONCEPT = new Map(SYNONYM_GROUPS.flatMap((group, i) => group.map((word) => [word, `concept:${i}`])))

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()

function hash(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** The fake's vector for one text: unit length, `dimensions` long. */
function fakeEmbedding(text, dimensions = 384) {
  const vector = new Array(dimensions).fill(0)
  const add = (feature, weight) => {
    const h = hash(feature)
    vector[h % dimensions] += h & 0x80000000 ? -weight : weight
  }
  for (const raw of fold(text).split(/[^a-z0-9-]+/).filter(Boolean)) {
    const word = raw.replace(/^-+|-+$/g, "")
    if (!word) continue
    const concept = CONCEPT.get(word) ?? CONCEPT.get(word.replace(/s$/, ""))
    if (concept) add(concept, 4)
    add(`word:${word}`, 1)
    const padded = `^${word}$`
    const grams = Math.max(1, padded.length - 2)
    for (let i = 0; i + 3 <= padded.length; i++) add(`tri:${padded.slice(i, i + 3)}`, 1.5 / grams)
  }
  const norm = Math.sqrt(vector.reduce((s, v) => s + v * v, 0)) || 1
  return vector.map((v) => Math.round((v / norm) * 1e6) / 1e6)
}

/** Token count as OpenAI's guides estimate it for English: about 4 characters a token. */
const countTokens = (text) => Math.max(1, Math.ceil(text.length / 4))

function createEmbeddingsSandbox(options = {}) {
  const apiKey = options.apiKey ?? "sk-fake-embeddings-key-0123456789"
  const models = options.models ?? { [DEFAULT_MODEL]: { dimensions: 384, maxTokens: 8192 } }
  const state = { requests: [], faults: { status: null, times: 0, delayMs: 0 } }
  let server = null

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers })
    res.end(JSON.stringify(body))
  }
  const error = (res, status, message, type, code, param = null, headers = {}) => send(res, status, { error: { message, type, param, code } }, headers)
  const limitHeaders = (remaining) => ({
    "x-ratelimit-limit-requests": "3000",
    "x-ratelimit-remaining-requests": String(remaining),
    "x-ratelimit-reset-requests": remaining > 0 ? "20ms" : "1s",
    "x-ratelimit-limit-tokens": "1000000",
    "x-ratelimit-remaining-tokens": String(remaining > 0 ? 999000 : 0),
    "x-ratelimit-reset-tokens": remaining > 0 ? "6ms" : "1s",
  })

  async function embeddings(req, res, body) {
    const auth = req.headers.authorization ?? ""
    const key = auth.startsWith("Bearer ") ? auth.slice(7) : null
    state.requests.push({ model: body?.model ?? null, inputs: Array.isArray(body?.input) ? body.input.length : body?.input == null ? 0 : 1, with_key: !!key })
    if (key !== apiKey) {
      // OpenAI shows only the key's last four characters.
      const shown = key ? `${key.slice(0, 3)}*****${key.slice(-4)}` : ""
      return error(res, 401, key ? `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.` : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", key ? "invalid_api_key" : null)
    }
    if (state.faults.times > 0) {
      state.faults.times--
      if (state.faults.delayMs) await new Promise((resolve) => setTimeout(resolve, state.faults.delayMs))
      if (state.faults.status === 429) {
        return error(res, 429, "Rate limit reached for requests per min (RPM): Limit 3000, Used 3000, Requested 1. Please try again in 1s.", "requests", "rate_limit_exceeded", null, { ...limitHeaders(0), "retry-after": "1" })
      }
      if (state.faults.status === 500) return error(res, 500, "The server had an error while processing your request. Sorry about that!", "server_error", null)
    }
    if (!body || typeof body !== "object") return error(res, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null)
    if (typeof body.model !== "string" || !body.model) return error(res, 400, "you must provide a model parameter", "invalid_request_error", null, "model")
    const model = models[body.model]
    if (!model) return error(res, 404, `The model \`${body.model}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found", "model")
    const input = typeof body.input === "string" ? [body.input] : body.input
    if (!Array.isArray(input) || !input.length || input.length > 2048 || input.some((t) => typeof t !== "string" || !t)) {
      return error(res, 400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", "invalid_request_error", null, "input")
    }
    const format = body.encoding_format ?? "float"
    if (format !== "float" && format !== "base64") return error(res, 400, `'${format}' is not one of ['float', 'base64'] - 'encoding_format'`, "invalid_request_error", null, "encoding_format")
    const tokens = input.map(countTokens)
    const over = tokens.findIndex((n) => n > model.maxTokens)
    if (over >= 0) {
      return error(res, 400, `This model's maximum context length is ${model.maxTokens} tokens, however you requested ${tokens[over]} tokens (${tokens[over]} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`, "invalid_request_error", null, null)
    }
    const dimensions = Number.isInteger(body.dimensions) && body.dimensions > 0 && body.dimensions <= model.dimensions ? body.dimensions : model.dimensions
    const data = input.map((text, index) => {
      const vector = fakeEmbedding(text, dimensions)
      const embedding = format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector
      return { object: "embedding", index, embedding }
    })
    const total = tokens.reduce((a, b) => a + b, 0)
    send(res, 200, { object: "list", data, model: body.model, usage: { prompt_tokens: total, total_tokens: total } }, limitHeaders(2999))
  }

  async function handle(req, res) {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString("utf8")
    let body = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    const url = new URL(req.url, "http://fake")
    if (req.method === "POST" && url.pathname === "/v1/embeddings") return embeddings(req, res, body)
    if (req.method === "POST" && url.pathname === "/__fake/faults") {
      state.faults = { status: body?.status ?? null, times: body?.times ?? 1, delayMs: body?.delayMs ?? 0 }
      return send(res, 200, { faults: state.faults })
    }
    if (req.method === "GET" && url.pathname === "/__fake/requests") return send(res, 200, { requests: state.requests })
    if (req.method === "POST" && url.pathname === "/__fake/reset") {
      state.requests = []
      state.faults = { status: null, times: 0, delayMs: 0 }
      return send(res, 200, { ok: true })
    }
    return error(res, 404, `Invalid URL (${req.method} ${url.pathname})`, "invalid_request_error", null)
  }

  return {
    apiKey,
    model: Object.keys(models)[0],
    state,
    listen(port = 0) {
      server = http.createServer((req, res) => {
        handle(req, res).catch(() => error(res, 500, "fake failed", "server_error", null))
      })
      return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)))
    },
    close() {
      if (!server) return Promise.resolve()
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

module.exports = { createEmbeddingsSandbox, fakeEmbedding, DEFAULT_MODEL, SYNONYM_GROUPS }

// `node sandbox/embeddings.js`: the fake on its own (port EMBEDDINGS_PORT, 0 for any free one).
// Started by a parent with an IPC channel, it sends the parent its URL.
if (require.main === module) {
  const fake = createEmbeddingsSandbox()
  fake.listen(Number(process.env.EMBEDDINGS_PORT ?? 0)).then((url) => {
    if (process.send) process.send({ url, apiKey: fake.apiKey, model: fake.model })
    else console.log(`fake embeddings endpoint at ${url}/v1 (key ${fake.apiKey}, model ${fake.model})`)
  })
}
