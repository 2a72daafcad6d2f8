import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decodeRawBody, storableJson } from "../../../lib/storable-text"
import { FailedOutcome, webhookFailureOutcome } from "../../../lib/webhook-event-failure"
import { payloadPhoneNumberIds, splitWebhookPayload } from "../../../lib/webhook-payload"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { IngestedMessage, IngestResult, ingestWebhookItems, removeIngestedMessages } from "../../../modules/whatsapp/sql/ingest"
import type { ClaimedWebhookEvent } from "../../../modules/whatsapp/sql/webhook-events"

export type EventOutcomeInput = IngestResult & { id: string; malformed: string | null; failure: FailedOutcome | null; attempts: number }
export type BatchIngestResult = { events: EventOutcomeInput[]; messages: IngestedMessage[] }

type CreatedRef = { message_id: string; conversation_id: string }

const EMPTY: IngestResult = { messages: [], statusesApplied: 0, unmatchedStatuses: [], unrouted: [], notes: [] }

/** The stored body as JSON, made storable (NUL and lone surrogates replaced); null when it is not JSON. */
function parseStoredBody(event: ClaimedWebhookEvent): unknown {
  try {
    return storableJson(JSON.parse(decodeRawBody(event.raw_body, event.raw_body_encoding).toString("utf8")))
  } catch {
    return null
  }
}

/**
 * Stores a batch of events' messages and applies their statuses in one
 * transaction, each event behind its own savepoint: an event whose data the
 * database refuses is rolled back and failed alone, the others in the batch
 * are stored. If a later step fails, the compensation removes the messages
 * it created, so the retry creates them again and their effects still
 * happen exactly once.
 */
export const ingestWebhookEventsStep = createStep(
  "ingest-whatsapp-webhook-events",
  async (events: ClaimedWebhookEvent[], { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const parsed = events.map((event) => {
      const payload = parseStoredBody(event)
      // The parser's message quotes the body: keep only that it was not JSON.
      return { event, payload, malformed: payload === null ? "Malformed JSON (not parseable)" : null }
    })
    const phoneIds = [...new Set(parsed.flatMap((p) => (p.payload ? payloadPhoneNumberIds(p.payload) : [])))]
    const accounts = phoneIds.length
      ? await whatsapp.listWhatsappAccounts({ phone_number_id: phoneIds }, { select: ["id", "phone_number_id"] })
      : []
    const options = whatsapp.getOptions()
    const keywords = { optOut: options.optOutKeywords, optIn: options.optInKeywords }
    const retry = { maxAttempts: options.maxWebhookAttempts, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }

    const results = await whatsapp.transaction(async (db) => {
      const out: EventOutcomeInput[] = []
      for (const { event, payload, malformed } of parsed) {
        const base = { id: event.id, malformed, failure: null, attempts: event.attempts }
        if (malformed) {
          out.push({ ...EMPTY, ...base })
          continue
        }
        await db.execute("savepoint whatsapp_event")
        try {
          const result = await ingestWebhookItems(db, splitWebhookPayload(payload), accounts, keywords)
          await db.execute("release savepoint whatsapp_event")
          out.push({ ...result, ...base })
        } catch (error) {
          await db.execute("rollback to savepoint whatsapp_event")
          out.push({ ...EMPTY, ...base, failure: webhookFailureOutcome(error, event.attempts, retry) })
        }
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
