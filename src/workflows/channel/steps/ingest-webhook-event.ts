import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payloadPhoneNumberIds, splitWebhookPayload } from "../../../lib/webhook-payload"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { IngestedMessage, IngestResult, ingestWebhookItems, removeIngestedMessages } from "../../../modules/whatsapp/sql/ingest"
import type { ClaimedWebhookEvent } from "../../../modules/whatsapp/sql/webhook-events"

export type EventOutcomeInput = IngestResult & { id: string; malformed: string | null; attempts: number }
export type BatchIngestResult = { events: EventOutcomeInput[]; messages: IngestedMessage[] }

type CreatedRef = { message_id: string; conversation_id: string }

const EMPTY: IngestResult = { messages: [], statusesApplied: 0, unmatchedStatuses: [], unrouted: [], notes: [] }

/**
 * Stores a batch of events' messages and applies their statuses in one
 * transaction. If a later step fails, the compensation removes the messages
 * it created, so the retry creates them again and their effects still
 * happen exactly once.
 */
export const ingestWebhookEventsStep = createStep(
  "ingest-whatsapp-webhook-events",
  async (events: ClaimedWebhookEvent[], { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const parsed = events.map((event) => {
      try {
        return { event, payload: JSON.parse(event.raw_body) as unknown, malformed: null }
      } catch (error) {
        return { event, payload: null, malformed: `Malformed JSON: ${(error as Error).message}` }
      }
    })
    const phoneIds = [...new Set(parsed.flatMap((p) => (p.payload ? payloadPhoneNumberIds(p.payload) : [])))]
    const accounts = phoneIds.length
      ? await whatsapp.listWhatsappAccounts({ phone_number_id: phoneIds }, { select: ["id", "phone_number_id"] })
      : []
    const options = whatsapp.getOptions()
    const keywords = { optOut: options.optOutKeywords, optIn: options.optInKeywords }

    const results = await whatsapp.transaction(async (db) => {
      const out: EventOutcomeInput[] = []
      for (const { event, payload, malformed } of parsed) {
        const result = malformed ? EMPTY : await ingestWebhookItems(db, splitWebhookPayload(payload), accounts, keywords)
        out.push({ ...result, id: event.id, malformed, attempts: event.attempts })
      }
      return out
    })
    const messages = results.flatMap((r) => r.messages)
    const created: CreatedRef[] = messages.map(({ message_id, conversation_id }) => ({ message_id, conversation_id }))
    return new StepResponse<BatchIngestResult, CreatedRef[]>({ events: results, messages }, created)
  },
  async (created: CreatedRef[] | undefined, { container }) => {
    if (!created?.length) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.transaction((db) => removeIngestedMessages(db, created))
  }
)
