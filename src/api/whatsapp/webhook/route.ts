import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { timingSafeEqual } from "node:crypto"
import { verifyWebhookSignature } from "../../../lib/webhook-signature"
import { payloadPhoneNumberIds } from "../../../lib/webhook-payload"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import { WhatsAppEvents } from "../../../workflows/channel/workflows/process-whatsapp-webhook-event"
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
 * Event intake: verify the signature over the exact bytes, store the body,
 * answer 200, and only then hand the event to the worker. Nothing
 * acknowledged can be lost: the row exists before the 200.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)

  let phoneNumberIds: string[] = []
  try {
    phoneNumberIds = payloadPhoneNumberIds(JSON.parse(raw.toString("utf8")))
  } catch {
    // Unreadable JSON may still be signed; it is verified against every known secret.
  }
  const secrets = await whatsapp.webhookSecretsFor(phoneNumberIds)
  if (!verifyWebhookSignature(raw, req.headers["x-hub-signature-256"], secrets)) {
    res.status(401).json({ type: "unauthorized", message: "Invalid or missing X-Hub-Signature-256" })
    return
  }

  const id = await whatsapp.storeWebhookEvent(raw.toString("utf8"), phoneNumberIds)
  res.status(200).json({ received: true })
  nudgeProcessing(req, id)
}

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
      logger.warn(`whatsapp: could not notify workers of webhook event ${id}: ${error.message}`)
    })
  }, NUDGE_WINDOW_MS)
}
