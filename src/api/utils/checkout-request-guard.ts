import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redactCheckoutUrl } from "../../lib/checkout/link-cookie"

/**
 * In front of every `/whatsapp/checkout/*` request. Medusa's access log
 * (morgan, in `@medusajs/framework`'s express loader) writes
 * `req.originalUrl` when the response finishes; the one request whose path
 * carries a checkout token — the link itself, which at once moves the token
 * into a cookie — is logged with `:token` in its place. Express routes by
 * `req.url`, so the handler still reads the token from its params. Every
 * answer, Medusa's own error pages included, is marked `nosniff`.
 */
export function checkoutRequestGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = redactCheckoutUrl(req.originalUrl)
  res.setHeader("X-Content-Type-Options", "nosniff")
  next()
}
