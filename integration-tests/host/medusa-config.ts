import path from "node:path"
import { defineConfig } from "@medusajs/framework/utils"

/**
 * The host app the integration tests boot: a plain Medusa project that lists
 * the plugin by path, exactly as a merchant's app lists it by package name.
 * The plugin is loaded from its build (.medusa/server), which `npm test`
 * refreshes first.
 */
export const TEST_ENCRYPTION_KEY = "a".repeat(64)

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      jwtSecret: "integration-jwt-secret",
      cookieSecret: "integration-cookie-secret",
      storeCors: "http://127.0.0.1",
      adminCors: "http://127.0.0.1",
      authCors: "http://127.0.0.1",
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: path.resolve(__dirname, "../.."),
      options: {
        appSecret: process.env.WHATSAPP_APP_SECRET ?? "integration-app-secret",
        verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? "integration-verify-token",
        graphApiUrl: process.env.WHATSAPP_GRAPH_API_URL ?? "http://127.0.0.1:1",
        graphApiVersion: "v21.0",
        publicUrl: process.env.WHATSAPP_PUBLIC_URL ?? "http://127.0.0.1:9000",
        encryptionKey: process.env.WHATSAPP_ENCRYPTION_KEY ?? TEST_ENCRYPTION_KEY,
        // Small numbers keep the pacing and retry tests short; the logic is the same.
        messagesPerSecond: Number(process.env.WHATSAPP_MESSAGES_PER_SECOND ?? 20),
        pairMessagesPerSecond: 10,
        pairBurst: 20,
        retryBaseDelayMs: 100,
        maxRetryDelayMs: 1_000,
      },
    },
  ],
})
