import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payloadPhoneNumberIds, splitWebhookPayload } from "../../../lib/webhook-payload"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { IngestResult, ingestWebhookItems, removeIngestedMessages } from "../../../modules/whatsapp/sql/ingest"
import type { ClaimedWebhookEvent } from "../../../modules/whatsapp/sql/webhook-events"

export type IngestOutcome = IngestResult & { skipped: boolean; malformed: string | null; attempts: number }

type CreatedRef = { message_id: string; conversation_id: string }

const EMPTY: IngestResult = { messages: [], statusesApplied: 0, unmatchedStatuses: [], unrouted: [], notes: [] }

/**
 * Stores the event's messages and applies its statuses in one transaction.
 * If a later step fails, the compensation removes the messages it created,
 * so the retry creates them again and their effects still happen once.
 */
export const ingestWebhookEventStep = createStep(
  "ingest-whatsapp-webhook-event",
  async (event: ClaimedWebhookEvent | null, { container }) => {
    if (!event) {
      return new StepResponse<IngestOutcome, CreatedRef[]>({ ...EMPTY, skipped: true, malformed: null, attempts: 0 }, [])
    }
    let payload: unknown
    try {
      payload = JSON.parse(event.raw_body)
    } catch (error) {
      const malformed = `Malformed JSON: ${(error as Error).message}`
      return new StepResponse<IngestOutcome, CreatedRef[]>({ ...EMPTY, skipped: false, malformed, attempts: event.attempts }, [])
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const phoneIds = payloadPhoneNumberIds(payload)
    const accounts = phoneIds.length
      ? await whatsapp.listWhatsappAccounts({ phone_number_id: phoneIds }, { select: ["id", "phone_number_id"] })
      : []
    const options = whatsapp.getOptions()
    const result = await whatsapp.transaction((db) =>
      ingestWebhookItems(db, splitWebhookPayload(payload), accounts, {
        optOut: options.optOutKeywords,
        optIn: options.optInKeywords,
      })
    )
    const created = result.messages.map(({ message_id, conversation_id }) => ({ message_id, conversation_id }))
    return new StepResponse<IngestOutcome, CreatedRef[]>({ ...result, skipped: false, malformed: null, attempts: event.attempts }, created)
  },
  async (created: CreatedRef[] | undefined, { container }) => {
    if (!created?.length) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.transaction((db) => removeIngestedMessages(db, created))
  }
)
