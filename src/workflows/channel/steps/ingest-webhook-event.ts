import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decodeRawBody, storableJson } from "../../../lib/storable-text"
import { FailedOutcome, webhookFailureOutcome } from "../../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { ClaimedWebhookEvent, IngestedMessage, IngestResult } from "../../../modules/whatsapp/types"

export type EventOutcomeInput = IngestResult & { id: string; malformed: string | null; failure: FailedOutcome | null; attempts: number }
export type BatchIngestResult = { events: EventOutcomeInput[]; messages: IngestedMessage[] }

type CreatedRef = { message_id: string; conversation_id: string }

const EMPTY: IngestResult = { messages: [], statusesApplied: 0, identityChanges: 0, accountChanges: 0, unmatchedStatuses: [], unrouted: [], unroutedWabas: [], notes: [] }

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
    const options = whatsapp.getOptions()
    const retry = { maxAttempts: options.maxWebhookAttempts, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }
    const ingested = new Map(
      (await whatsapp.ingestWebhookPayloads(parsed.filter((p) => !p.malformed).map((p) => ({ id: p.event.id, payload: p.payload })))).map((r) => [r.id, r])
    )
    const results: EventOutcomeInput[] = parsed.map(({ event, malformed }) => {
      const base = { id: event.id, malformed, failure: null, attempts: event.attempts }
      const outcome = ingested.get(event.id)
      if (!outcome) return { ...EMPTY, ...base }
      if (outcome.result) return { ...outcome.result, ...base }
      return { ...EMPTY, ...base, failure: webhookFailureOutcome(outcome.error, event.attempts, retry) }
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
    await whatsapp.removeIngestedMessages(created)
  }
)
