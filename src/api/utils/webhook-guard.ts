import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signatureBytes } from "../../lib/webhook-signature"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"

/** Browsers must not guess a type for what the webhook answers (the handshake echoes caller input). */
export function noSniff(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff")
  next()
}

/** The address a request came from, as Express resolves it under the app's `trust proxy` setting. */
export function clientIp(req: MedusaRequest): string {
  return req.ip ?? req.socket?.remoteAddress ?? "unknown"
}

/** Answers 429 for an IP over its bound of failed verifications. */
export async function refuseTooMany(req: MedusaRequest, res: MedusaResponse, whatsapp: WhatsAppModuleService) {
  const retryAfter = await whatsapp.webhookRejectLimiter().retryAfterSeconds(clientIp(req))
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({ type: "too_many_requests", message: "Too many webhook requests failed verification" })
}

/**
 * Runs before the body is read: an IP already over its bound of failed
 * verifications that sends no well-formed signature header cannot be valid,
 * so it is answered 429 without reading its body. Requests carrying a
 * signature go on to be verified: a valid one is never limited.
 */
export async function refuseBlockedUnsigned(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (signatureBytes(req.headers["x-hub-signature-256"])) {
    return next()
  }
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const limiter = whatsapp.webhookRejectLimiter()
  if (await limiter.isBlocked(clientIp(req))) {
    // Read to the end without keeping it, then answer: a client still
    // sending when the answer goes out would see its connection reset
    // instead of the 429 (and a reused keep-alive socket with it).
    await discardBody(req, DISCARD_LIMIT)
    return refuseTooMany(req, res, whatsapp)
  }
  next()
}

/** Past this, the connection is closed instead of read on (Meta's own bodies are at most 3 MB). */
const DISCARD_LIMIT = 3 * 1024 * 1024

/** Reads a request body to its end and drops it; past `limit` bytes the connection is marked to close. */
function discardBody(req: MedusaRequest, limit: number): Promise<void> {
  if (req.readableEnded || req.complete) return Promise.resolve()
  return new Promise((resolve) => {
    let seen = 0
    const done = () => {
      req.off("data", onData)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > limit) {
        req.res?.setHeader("Connection", "close")
        req.pause()
        done()
      }
    }
    req.on("data", onData)
    req.once("end", done)
    req.once("error", done)
    req.once("close", done)
    req.resume()
  })
}
