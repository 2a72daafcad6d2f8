import os from "node:os"
import path from "node:path"
import { defineConfig } from "@medusajs/framework/utils"
import { PAYMENT_SECRETS, TEST_ENCRYPTION_KEY } from "./secrets"

/**
 * The host app the integration tests boot: a plain Medusa project that lists
 * the plugin by path, exactly as a merchant's app lists it by package name.
 * The plugin is loaded from its build (.medusa/server), which `npm test`
 * refreshes first.
 */
const providers = path.resolve(__dirname, "../../.medusa/server/src/providers")
const paymentsFake = () => process.env.PAYMENTS_API_BASE ?? "http://127.0.0.1:1"

/**
 * Split mode (the topology spec and bench): each process is a `server` or a
 * `worker` on Medusa's Redis modules. Its own variable, so a REDIS_URL in the
 * test runner's environment does not move every other spec onto Redis.
 */
const redisUrl = process.env.WHATSAPP_IT_REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
      },
    ]
  : []

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...(redisUrl ? { redisUrl } : {}),
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) ?? "shared",
    http: {
      jwtSecret: "integration-jwt-secret",
      cookieSecret: "integration-cookie-secret",
      storeCors: "http://127.0.0.1",
      adminCors: "http://127.0.0.1",
      authCors: "http://127.0.0.1",
    },
  },
  admin: { disable: true },
  modules: [
    ...redisModules,
    {
      // WhatsApp media lands here: the local provider, as Medusa's default, in a per-process temp folder.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { upload_dir: path.join(os.tmpdir(), `whatsapp-it-files-${process.pid}`), backend_url: "http://127.0.0.1:9000/static" },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Medusa waits 5 s before processing a payment webhook; tests need not.
        webhook_delay: 100,
        providers: [
          {
            resolve: path.join(providers, "stripe-checkout"),
            id: "stripe-checkout",
            options: { apiKey: PAYMENT_SECRETS.stripe.secretKey, webhookSecret: PAYMENT_SECRETS.stripe.webhookSecret, apiBase: paymentsFake() },
          },
          {
            resolve: path.join(providers, "razorpay-link"),
            id: "razorpay-link",
            options: { ...PAYMENT_SECRETS.razorpay, apiBase: paymentsFake() },
          },
          {
            resolve: path.join(providers, "paypal"),
            id: "paypal",
            options: { ...PAYMENT_SECRETS.paypal, environment: "sandbox", apiBase: paymentsFake() },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
          { resolve: path.join(providers, "notification-whatsapp"), id: "whatsapp", options: { channels: ["whatsapp"] } },
        ],
      },
    },
  ],
  plugins: [
    {
      resolve: path.resolve(__dirname, "../.."),
      options: {
        appSecret: process.env.WHATSAPP_APP_SECRET ?? "integration-app-secret",
        verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? "integration-verify-token",
        graphApiUrl: process.env.WHATSAPP_GRAPH_API_URL ?? "http://127.0.0.1:1",
        graphApiVersion: "v21.0",
        // Embedded Signup against the sandbox: its Meta app (sandbox/graph-api.js SANDBOX_APP) and its fake SDK.
        metaAppId: process.env.WHATSAPP_META_APP_ID ?? "670843887433847",
        embeddedSignupConfigId: process.env.WHATSAPP_EMBEDDED_SIGNUP_CONFIG_ID ?? "1000000000000001",
        facebookSdkUrl: `${process.env.WHATSAPP_GRAPH_API_URL ?? "http://127.0.0.1:1"}/sdk.js`,
        publicUrl: process.env.WHATSAPP_PUBLIC_URL ?? "http://127.0.0.1:9000",
        ...(process.env.WHATSAPP_STOREFRONT_URL ? { checkout: { storefrontUrl: process.env.WHATSAPP_STOREFRONT_URL } } : {}),
        encryptionKey: process.env.WHATSAPP_ENCRYPTION_KEY ?? TEST_ENCRYPTION_KEY,
        // The storefront page a customer confirms a phone link on (the token in the fragment reaches no log).
        customerLinkUrl: "http://127.0.0.1:8000/account/whatsapp#token={token}",
        // Small numbers keep the pacing and retry tests short; the logic is the same.
        messagesPerSecond: Number(process.env.WHATSAPP_MESSAGES_PER_SECOND ?? 20),
        // The topology bench varies it; unset, the plugin's default.
        ...(process.env.WHATSAPP_ANSWER_CONCURRENCY ? { answerConcurrency: Number(process.env.WHATSAPP_ANSWER_CONCURRENCY) } : {}),
        pairMessagesPerSecond: 10,
        pairBurst: 20,
        retryBaseDelayMs: 100,
        maxRetryDelayMs: 1_000,
        // The sandbox moves batches along by poll count, not time: short waits between polls.
        catalogBatchPolling: { firstPollDelayMs: 5, maxPollDelayMs: 20 },
        // Hybrid search against the fake embeddings endpoint (sandbox/embeddings.js), only for the specs that set it.
        ...(process.env.WHATSAPP_IT_AI_URL
          ? {
              ai: {
                baseUrl: process.env.WHATSAPP_IT_AI_URL,
                apiKey: process.env.WHATSAPP_IT_AI_KEY,
                embeddingModel: process.env.WHATSAPP_IT_AI_MODEL ?? "fake-embed-multilingual",
                queryTimeoutMs: Number(process.env.WHATSAPP_IT_AI_QUERY_TIMEOUT_MS ?? 1_500),
                ...(process.env.WHATSAPP_IT_AI_MIN_SIMILARITY ? { minSimilarity: Number(process.env.WHATSAPP_IT_AI_MIN_SIMILARITY) } : {}),
              },
            }
          : {}),
        // Specs send thousands of bad signatures from 127.0.0.1 on purpose; the flood spec sets a low bound.
        webhookRejectLimit: { perIp: Number(process.env.WHATSAPP_WEBHOOK_REJECT_PER_IP ?? 100_000), windowSeconds: 600 },
      },
    },
  ],
})
