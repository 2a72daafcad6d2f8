import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { WebhookRateLimitedError, WebhookSignatureError } from "../../providers/hosted-payment-provider"

/**
 * Medusa's `/hooks/payment/:provider` acknowledges every POST and checks the
 * signature later, in a subscriber. For this plugin's providers the check
 * runs first, so a forged or mis-signed webhook gets a 400 the provider's
 * dashboard shows, and nothing is queued; one that cannot be verified now
 * (too many to verify) gets a 429, which providers retry. Other providers
 * pass through.
 */
export async function verifyPaymentWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = String(req.params.provider ?? "")
  try {
    await req.scope.resolve(Modules.PAYMENT).getWebhookActionAndData({
      provider,
      payload: { data: req.body as Record<string, unknown>, rawData: (req as any).rawBody, headers: req.headers as Record<string, unknown> },
    })
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      req.scope.resolve("logger").warn(`Payment webhook for ${provider} rejected: ${error.message}`)
      res.status(400).json({ type: "invalid_signature", message: error.message })
      return
    }
    if (error instanceof WebhookRateLimitedError) {
      res.setHeader("Retry-After", String(error.retryAfterSeconds))
      res.status(429).json({ type: "too_many_requests", message: error.message })
      return
    }
  }
  next()
}
