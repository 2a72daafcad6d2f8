import { defineConfig } from "@medusajs/framework/utils"

/**
 * The demo store: a plain Medusa app that installs the plugin by its package
 * name, as a merchant would. `demo/start.js` sets the environment.
 */
// The one address customers and the admin reach the store at, the same for
// every process: `demo/start.js` sets it (the proxy's URL in split mode).
// Never this process's own PORT: a worker builds the checkout links, and in
// split mode its port is internal.
const publicUrl = process.env.WHATSAPP_PUBLIC_URL ?? "http://localhost:9000"
const redisUrl = process.env.REDIS_URL

const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

/** The plugin's hosted-page providers, each when its credentials are set (the demo sets the sandbox's). */
const paymentProviders = [
  process.env.STRIPE_API_KEY && { resolve: "medusa-plugin-whatsapp-commerce/providers/stripe-checkout", id: "stripe-checkout" },
  process.env.RAZORPAY_KEY_ID && { resolve: "medusa-plugin-whatsapp-commerce/providers/razorpay-link", id: "razorpay-link" },
  process.env.PAYPAL_CLIENT_ID && { resolve: "medusa-plugin-whatsapp-commerce/providers/paypal", id: "paypal" },
].filter(Boolean) as { resolve: string; id: string }[]

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") ?? "shared",
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? publicUrl,
      authCors: process.env.AUTH_CORS ?? publicUrl,
      jwtSecret: process.env.JWT_SECRET ?? "demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET ?? "demo-cookie-secret",
    },
    // `medusa start` runs with NODE_ENV=production, where Medusa marks the
    // session cookie `Secure`: a browser on plain http://localhost would never
    // get it back, so the admin could not log in. The demo serves plain http.
    cookieOptions: { secure: false },
  },
  // The admin is served by this same server: relative API calls, so one
  // production build serves any PORT.
  admin: { backendUrl: "/" },
  plugins: [
    {
      resolve: "medusa-plugin-whatsapp-commerce",
      options: {
        appSecret: process.env.WHATSAPP_APP_SECRET,
        verifyToken: process.env.WHATSAPP_VERIFY_TOKEN,
        graphApiUrl: process.env.WHATSAPP_GRAPH_API_URL,
        graphApiVersion: process.env.WHATSAPP_GRAPH_API_VERSION ?? "v21.0",
        publicUrl,
        encryptionKey: process.env.WHATSAPP_ENCRYPTION_KEY,
        // Embedded Signup: set by demo/start.js to the sandbox's app, or to a real Meta app's ids.
        ...(process.env.WHATSAPP_META_APP_ID ? { metaAppId: process.env.WHATSAPP_META_APP_ID } : {}),
        ...(process.env.WHATSAPP_EMBEDDED_SIGNUP_CONFIG_ID ? { embeddedSignupConfigId: process.env.WHATSAPP_EMBEDDED_SIGNUP_CONFIG_ID } : {}),
        ...(process.env.WHATSAPP_FACEBOOK_SDK_URL ? { facebookSdkUrl: process.env.WHATSAPP_FACEBOOK_SDK_URL } : {}),
      },
    },
  ],
  modules: [
    ...redisModules,
    { resolve: "@medusajs/medusa/payment", options: { providers: paymentProviders } },
    {
      // Order updates reach WhatsApp customers through the `whatsapp` channel;
      // the admin's notification feed keeps Medusa's local provider.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
          { resolve: "medusa-plugin-whatsapp-commerce/providers/notification-whatsapp", id: "whatsapp", options: { channels: ["whatsapp"] } },
        ],
      },
    },
  ],
})
