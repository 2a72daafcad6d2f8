#!/usr/bin/env node
// `npm run sandbox`: the fake Graph API on 127.0.0.1:$SANDBOX_PORT (9010),
// with the demo's account and a recovery template, posting webhooks to the
// demo store unless SANDBOX_WEBHOOK_URL says otherwise.
const { createSandbox } = require("./graph-api")
const { createPaymentSandbox } = require("./payments")

const DEMO_ACCOUNT = {
  waba_id: process.env.WHATSAPP_WABA_ID ?? "100000000000001",
  phone_number_id: process.env.WHATSAPP_PHONE_NUMBER_ID ?? "100000000000002",
  access_token: process.env.WHATSAPP_ACCESS_TOKEN ?? "sandbox-access-token",
  catalog_id: process.env.WHATSAPP_CATALOG_ID ?? "100000000000003",
  display_phone_number: "+1 555 010 0000",
  verified_name: "Demo Moda",
}

function startSandbox({ port = Number(process.env.SANDBOX_PORT ?? 9010), webhookUrl, publicUrl } = {}) {
  // Tests start the sandbox as its own process with their accounts and templates.
  const custom = process.env.SANDBOX_CONFIG ? JSON.parse(process.env.SANDBOX_CONFIG) : null
  const sandbox = createSandbox(custom ?? {
    webhookUrl: webhookUrl ?? process.env.SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 9000}/whatsapp/webhook`,
    appSecret: process.env.WHATSAPP_APP_SECRET ?? "sandbox-app-secret",
    accounts: [DEMO_ACCOUNT],
    // Templates a merchant submits are reviewed after a few seconds, as Meta often does (tests decide reviews themselves).
    templateReviewMs: Number(process.env.SANDBOX_TEMPLATE_REVIEW_MS ?? 4000),
    templates: [
      {
        waba_id: DEMO_ACCOUNT.waba_id,
        name: "cart_reminder",
        language: "es",
        category: "MARKETING",
        components: [{ type: "BODY", text: "Hola {{1}}, tu carrito de {{2}} te espera." }, { type: "BUTTONS", buttons: [{ type: "URL", text: "Pagar", url: `${publicUrl ?? process.env.WHATSAPP_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 9000}`}/whatsapp/checkout/{{1}}` }] }],
      },
      {
        waba_id: DEMO_ACCOUNT.waba_id,
        name: "order_update",
        language: "es",
        category: "UTILITY",
        components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }],
      },
    ],
  })
  return sandbox.listen(port).then((url) => ({ sandbox, url }))
}

/**
 * The fake Stripe, Razorpay and PayPal APIs with their hosted pay pages, on
 * their own port, posting signed webhooks to the store's /hooks/payment routes.
 * The credentials are the fakes' defaults, which the demo gives the providers.
 */
function startPaymentSandbox({ port = Number(process.env.SANDBOX_PAYMENTS_PORT ?? 9011), medusaUrl } = {}) {
  const store = medusaUrl ?? `http://127.0.0.1:${process.env.PORT ?? 9000}`
  const payments = createPaymentSandbox({
    stripe: { webhookUrl: `${store}/hooks/payment/stripe-checkout_stripe-checkout` },
    razorpay: { webhookUrl: `${store}/hooks/payment/razorpay-link_razorpay-link` },
    paypal: { webhookUrl: `${store}/hooks/payment/paypal_paypal` },
  })
  return payments.listen(port).then((url) => ({ payments, url }))
}

module.exports = { startSandbox, startPaymentSandbox, DEMO_ACCOUNT }

if (require.main === module) {
  Promise.all([startSandbox(), process.env.SANDBOX_CONFIG ? null : startPaymentSandbox()]).then(([{ sandbox, url }, paid]) => {
    console.log(`[sandbox] fake Graph API on ${url} (webhooks to ${sandbox.config.webhookUrl})`)
    console.log(`[sandbox] phone simulator on ${url}/simulator`)
    if (paid) console.log(`[sandbox] fake Stripe, Razorpay and PayPal on ${paid.url}`)
    process.send?.({ ready: url })
    const stop = () => Promise.all([sandbox.close(), paid?.payments.close()]).then(() => process.exit(0))
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
}
