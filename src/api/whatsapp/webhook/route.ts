import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { timingSafeEqual } from "node:crypto"
import { authorizeWebhook } from "../../../lib/webhook-authorization"
import { clientIp, refuseTooMany } from "../../utils/webhook-guard"
import { describeError } from "../../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import { WhatsAppEvents } from "../../../events"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

function sameText(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Meta's verification handshake. Never signature-checked: Meta sends it
 * unsigned whenever the callback URL or token is edited.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  // Read the query ourselves: "hub.mode" must not be parsed as nested keys.
  const params = new URL(req.originalUrl ?? req.url, "http://local").searchParams
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const token = params.get("hub.verify_token") ?? ""
  if (params.get("hub.mode") === "subscribe" && sameText(token, whatsapp.getOptions().verifyToken)) {
    res.status(200).type("text/plain").send(params.get("hub.challenge") ?? "")
    return
  }
  res.status(403).type("text/plain").send("Verification failed")
}

/**
 * Event intake: verify the signature over the exact bytes (before parsing
 * anything), check that the secret that signed them is the one of every
 * account the body names, store the body, answer 200, and only then hand
 * the event to the worker. Nothing acknowledged can be lost: the row exists
 * before the 200.
 *
 * Refusals are 401. Meta retries any non-200 answer for up to 7 days
 * (developers.facebook.com/docs/whatsapp/cloud-api/webhooks, "If we send a
 * webhook request to your endpoint and your server responds with an HTTP
 * status code other than 200 … we will keep trying"): a genuine body refused
 * because an account's secret is misconfigured is delivered again once the
 * merchant fixes it, where a 200 would have dropped it for good.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)

  let verdict = authorizeWebhook(raw, req.headers["x-hub-signature-256"], await whatsapp.webhookSecretBook())
  if (!verdict.ok) {
    // The cache may predate an account or secret saved through another server: read it again (at most once a second).
    verdict = authorizeWebhook(raw, req.headers["x-hub-signature-256"], await whatsapp.webhookSecretBook(SECRET_RECHECK_MS))
  }
  if (!verdict.ok) {
    if (await whatsapp.webhookRejectLimiter().recordFailure(clientIp(req))) {
      return refuseTooMany(req, res, whatsapp)
    }
    const message =
      verdict.reason === "signature"
        ? "Invalid or missing X-Hub-Signature-256"
        : "X-Hub-Signature-256 is not signed with the app secret of every account in the body"
    res.status(401).json({ type: "unauthorized", message })
    return
  }

  const id = await whatsapp.storeWebhookEvent(raw, verdict.phoneNumberIds)
  res.status(200).json({ received: true })
  nudgeProcessing(req, id)
}

const SECRET_RECHECK_MS = 1_000

/**
 * Tells the workers there is something to process. Under load one event
 * per NUDGE_WINDOW_MS stands for every POST in it: the worker drains all
 * pending rows anyway, and a lost nudge is covered by the retry job.
 */
const NUDGE_WINDOW_MS = 10
let nudgeTimer: NodeJS.Timeout | null = null

function nudgeProcessing(req: MedusaRequest, id: string) {
  if (nudgeTimer) {
    return
  }
  const eventBus = req.scope.resolve(Modules.EVENT_BUS)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  nudgeTimer = setTimeout(() => {
    nudgeTimer = null
    eventBus.emit({ name: WhatsAppEvents.WEBHOOK_EVENT_RECEIVED, data: { id } }).catch((error: Error) => {
      logger.warn(`whatsapp: could not notify workers of webhook event ${id}: ${describeError(error)}`)
    })
  }, NUDGE_WINDOW_MS)
}
