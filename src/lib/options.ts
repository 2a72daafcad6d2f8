import { z } from "@medusajs/framework/zod"

/**
 * The `ai` option. `baseUrl` includes the API version path, as OpenAI's own
 * SDKs take it ("https://api.openai.com/v1", Ollama "http://localhost:11434/v1"):
 * the client posts to `${baseUrl}/embeddings`.
 */
export const aiOptionsSchema = z
  .object({
    baseUrl: z
      .url("must be an absolute URL such as https://api.openai.com/v1")
      .refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), { message: "must be an http(s) URL" })
      .refine((value) => !URL.canParse(value) || !/\/embeddings\/?$/.test(new URL(value).pathname), {
        message: 'must be the API base (e.g. "https://api.openai.com/v1"), without "/embeddings"',
      })
      .transform((value) => value.replace(/\/+$/, "")),
    /** Sent as `Authorization: Bearer`; a local Ollama ignores it, so it may be omitted there. */
    apiKey: z.string().min(1, "must not be empty (omit it for a provider without keys)").optional(),
    embeddingModel: z.string().trim().min(1, 'must name the embedding model, e.g. "text-embedding-3-small"'),
    /** The query's embedding waits at most this long before search answers with lexical results only. */
    queryTimeoutMs: z.number().int().min(50).max(30_000).default(1_500),
    /** Cosine similarity under which a product is not a semantic match (depends on the model). */
    minSimilarity: z.number().min(0).max(1).default(0.5),
    /** Product texts per request (OpenAI accepts up to 2048 inputs). */
    batchSize: z.number().int().min(1).max(2048).default(64),
  })
  .strict()

/**
 * Plugin options, validated once at boot by the module loader. Every key is
 * documented in the README's options table; keep the two in step.
 */
export const pluginOptionsSchema = z
  .object({
    /** Meta app secret: signs webhooks. An account's own secret wins over it. */
    appSecret: z.string().min(8, "must be at least 8 characters").optional(),
    /** Token Meta echoes in the webhook verification handshake. */
    verifyToken: z.string().min(8, "must be at least 8 characters"),
    graphApiUrl: z.url().default("https://graph.facebook.com"),
    graphApiVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'must look like "v21.0"')
      .default("v21.0"),
    /**
     * The store's one public base URL (checkout pages, catalog links, the
     * webhook URL shown in the admin). Every server and worker must share
     * it: links are built on whichever process answers.
     */
    publicUrl: z.url().superRefine((value, ctx) => {
      const problem = publicUrlProblem(value, process.env.NODE_ENV)
      if (problem) ctx.addIssue({ code: "custom", message: problem })
    }),
    /**
     * 32-byte key for AES-256-GCM encryption of account secrets at rest:
     * 64 hex characters or 44 base64 characters.
     */
    encryptionKey: z.string().refine((value) => decodeKey(value) !== null, {
      message: "must be 32 bytes, given as 64 hex or 44 base64 characters",
    }),
    /** Words that opt a customer out of messages, and the ones that resume. */
    optOutKeywords: z
      .array(z.string().min(1))
      .default(["STOP", "BAJA", "PARAR", "SAIR"]),
    optInKeywords: z.array(z.string().min(1)).default(["START"]),
    /** Outbound pacing per business phone number (Meta's default tier). */
    messagesPerSecond: z.number().int().positive().max(1000).default(80),
    /** Sends per second to one customer, sustained; Meta's pair limit is about 1 per 6 s with bursts of 45. */
    pairMessagesPerSecond: z.number().positive().max(10).default(1 / 6),
    pairBurst: z.number().int().positive().max(100).default(45),
    /** First retry delay; later ones double up to maxRetryDelayMs. */
    retryBaseDelayMs: z.number().int().positive().default(2_000),
    maxRetryDelayMs: z.number().int().positive().default(15 * 60_000),
    maxOutboundAttempts: z.number().int().positive().max(50).default(10),
    maxWebhookAttempts: z.number().int().positive().max(50).default(10),
    /**
     * Webhook POSTs that fail signature verification allowed per client IP
     * and window; beyond it they are answered 429. Signed requests are never
     * limited.
     */
    webhookRejectLimit: z
      .object({
        perIp: z.number().int().positive().default(60),
        windowSeconds: z.number().int().positive().max(3600).default(60),
      })
      .default({ perIp: 60, windowSeconds: 60 }),
    /**
     * How the catalog sync waits on Meta's batches: the first status check
     * after firstPollDelayMs, later ones doubling up to maxPollDelayMs, at
     * most maxPolls answers per batch before its items are left pending.
     */
    catalogBatchPolling: z
      .object({
        firstPollDelayMs: z.number().int().positive().optional(),
        maxPollDelayMs: z.number().int().positive().optional(),
        maxPolls: z.number().int().positive().max(500).optional(),
      })
      .default({}),
    /** Incoming messages answered at once per process; the rest wait their turn (stored, so never lost). */
    answerConcurrency: z.number().int().positive().max(64).default(2),
    /** How long a checkout link sent in the chat stays valid. */
    checkoutLinkTtlHours: z.number().positive().max(30 * 24).default(72),
    checkout: z
      .object({
        /**
         * Send customers to the merchant's own storefront checkout instead of
         * the hosted page, e.g. "https://shop.example/checkout?cart_id={cart_id}".
         */
        storefrontUrl: z
          .string()
          .refine((value) => value.includes("{cart_id}"), { message: "must contain {cart_id}" })
          .refine((value) => URL.canParse(value.replaceAll("{cart_id}", "cart_x")), { message: "must be an absolute URL" })
          .optional(),
      })
      .default({}),
    /**
     * The storefront page where a logged-in customer confirms a phone link
     * sent in the chat, e.g. "https://shop.example/account/whatsapp#token={token}"
     * (the page posts the token to `/store/whatsapp/link-phone/confirm`).
     * Without it, customers cannot link their number themselves.
     */
    customerLinkUrl: z
      .string()
      .refine((value) => value.includes("{token}"), { message: "must contain {token}" })
      .refine((value) => URL.canParse(value.replaceAll("{token}", "t")), { message: "must be an absolute URL" })
      .optional(),
    /**
     * Embedded Signup ("Connect with Facebook" in the admin): the merchant's
     * Meta app id and its Facebook Login for Business configuration id. Both
     * are needed to offer it; without them only the manual path is shown.
     * The code exchange authenticates with `appSecret`.
     */
    metaAppId: z.string().regex(/^\d{5,32}$/, "must be the numeric app id Meta shows").optional(),
    embeddedSignupConfigId: z.string().regex(/^\d{5,32}$/, "must be the numeric configuration id Meta shows").optional(),
    /** Where the admin loads Facebook's JS SDK from (the sandbox serves a fake one at /sdk.js). */
    facebookSdkUrl: z.url().default("https://connect.facebook.net/en_US/sdk.js"),
    /** Search results sent for one typed query (a product list holds at most 30 items). */
    searchResultLimit: z.number().int().min(1).max(10).default(5),
    /**
     * Optional AI provider for hybrid search: product and query embeddings
     * from any OpenAI-compatible `/embeddings` endpoint join the lexical
     * score. Unset: search is lexical only. See docs/ai-provider.md.
     */
    ai: aiOptionsSchema.optional(),
  })

export type WhatsAppPluginOptions = z.input<typeof pluginOptionsSchema>
export type ResolvedWhatsAppPluginOptions = z.output<typeof pluginOptionsSchema>

export class InvalidPluginOptionsError extends Error {
  constructor(public readonly issues: string[]) {
    super(
      `medusa-plugin-whatsapp-commerce: invalid plugin options:\n  - ${issues.join("\n  - ")}`
    )
    this.name = "InvalidPluginOptionsError"
  }
}

/** Parses the options or throws an error naming every bad option. */
export function parsePluginOptions(raw: unknown): ResolvedWhatsAppPluginOptions {
  const result = pluginOptionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join(".") : "(options)"
    return `${path}: ${issue.message}`
  })
  throw new InvalidPluginOptionsError(issues)
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"])

/**
 * Why `publicUrl` cannot be the store's public address, or null. Customers
 * open it and Meta and payment providers call it, so in production it must
 * be https; plain http is accepted for a loopback host (a local demo).
 */
export function publicUrlProblem(value: string, nodeEnv: string | undefined): string | null {
  if (!URL.canParse(value)) return null // z.url() reports it
  const url = new URL(value)
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL"
  if (url.search || url.hash || url.username || url.password) return "must be a plain base URL (no query, fragment or credentials)"
  if (nodeEnv === "production" && url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    return `must be https in production (it is ${url.origin}): customers open its links and Meta posts to it. Set it to the one public URL every server and worker shares, e.g. https://shop.example`
  }
  return null
}

/** Decodes a 32-byte key from hex or base64; null when it is not one. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    return Buffer.from(value, "hex")
  }
  if (/^[A-Za-z0-9+/]{43}=$/.test(value)) {
    const key = Buffer.from(value, "base64")
    return key.length === 32 ? key : null
  }
  return null
}

/** Keys Medusa itself adds to every module's options. */
const MEDUSA_INJECTED_OPTIONS = new Set(["database", "scope", "resources"])

/** Option names nobody reads: most often a typo of a real one. */
export function findUnknownOptions(raw: unknown): string[] {
  if (!raw || typeof raw !== "object") {
    return []
  }
  const known = new Set(Object.keys(pluginOptionsSchema.shape))
  return Object.keys(raw).filter((key) => !known.has(key) && !MEDUSA_INJECTED_OPTIONS.has(key))
}
