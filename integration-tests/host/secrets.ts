/**
 * Secrets the host app is configured with, kept apart from medusa-config so a
 * spec can import them without evaluating the config before its env is set.
 */
export const TEST_ENCRYPTION_KEY = "a".repeat(64)

/** Credentials the payment fakes (sandbox/payments) accept; tests sign webhooks with the same secrets. */
export const PAYMENT_SECRETS = {
  stripe: { secretKey: "sk_test_integration", webhookSecret: "whsec_integration" },
  razorpay: { keyId: "rzp_test_integration", keySecret: "rzp_secret_integration", webhookSecret: "rzp_whsec_integration" },
  paypal: { clientId: "paypal-integration-client", clientSecret: "paypal-integration-secret", webhookId: "WH-INTEGRATION" },
}
