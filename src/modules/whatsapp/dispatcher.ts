import { identityKey, sendRecipient } from "../../lib/customer-identity"
import { isServiceWindowOpen } from "../../lib/customer-window"
import { GraphApiClient } from "../../lib/graph-api/client"
import { GraphApiError } from "../../lib/graph-api/errors"
import type { OutboundMessage } from "../../lib/graph-api/types"
import type { ResolvedWhatsAppPluginOptions } from "../../lib/options"
import { isFreeForm } from "../../lib/outbound/limits"
import { decideRetry } from "../../lib/outbound/retry-policy"
import { setMarketingPreference } from "./sql/account-events"
import { MARKETING_STOPPED_CODE } from "./sql/ingest"
import type { SqlRunner } from "./sql/ingest"
import { type ClaimedOutbound, markOutboundSent, passSendGate, reserveSendSlot } from "./sql/outbound"
import type { WorkOutcome } from "./work-queue"

/**
 * Slots are booked at 97.5% of the configured rate, and the send gate lets
 * at most 97.5% of it (rounded down) through in any second and a bit, never
 * two sends closer than half the nominal spacing: a call spends a few
 * milliseconds between the gate and Meta, more on a busy event loop, and
 * the headroom keeps Meta's own count of any second under the rate.
 */
export const PACING_HEADROOM = 0.975
export const GATE_HEADROOM = 0.975
const GATE_WINDOW_MS = 1010
const GATE_MIN_GAP_SHARE = 0.5

/** Waits longer than this go back to the queue instead of holding a worker. */
const MAX_IN_PROCESS_WAIT_MS = 20_000

export type DispatchOutcome = "sent" | "retry" | "failed" | "skipped"

type Deps = {
  db: SqlRunner
  options: ResolvedWhatsAppPluginOptions
  /** Opens the sealed token the claim read with the message. */
  openSecret: (sealed: string) => string
  /** Records a retry or a failure on the work queue. */
  finish: (outcome: WorkOutcome) => Promise<void>
  now?: () => number
}

/**
 * Sends one claimed message (held under the work queue's lease, so no other
 * instance can), book slots
 * on the number's and the recipient's shared schedules, wait for them, call
 * the Graph API, then record the outcome. Retryable failures go back to the
 * queue with a backoff; permanent ones are stored with Meta's error.
 */
export async function dispatchOutboundMessage(deps: Deps, claimed: ClaimedOutbound): Promise<{ outcome: DispatchOutcome; retryInMs?: number }> {
  const { db, options } = deps
  const message = claimed.payload as OutboundMessage
  const now = deps.now ?? Date.now

  if (isFreeForm(message) && !isServiceWindowOpen(claimed.last_inbound_at, new Date(now()))) {
    // The window closed while the message waited: Meta would answer 131047.
    await deps.finish({
      id: claimed.id,
      result: "failed",
      code: "131047",
      note: "The 24-hour customer-service window closed before the message could be sent; use a template.",
    })
    return { outcome: "failed" }
  }

  // Everything that can be prepared is prepared before the slot, so the call
  // leaves as close to its booked time as possible.
  const client = new GraphApiClient({
    baseUrl: options.graphApiUrl,
    version: options.graphApiVersion,
    accessToken: deps.openSecret(claimed.sealed_access_token),
  })
  const numberKey = `number:${claimed.phone_number_id}`
  const gate = {
    limit: Math.max(1, Math.floor(options.messagesPerSecond * GATE_HEADROOM)),
    windowMs: GATE_WINDOW_MS,
    minGapMs: (GATE_MIN_GAP_SHARE * 1000) / options.messagesPerSecond,
  }
  const [numberSlot, pairSlot] = await Promise.all([
    reserveSendSlot(db, numberKey, 1000 / (options.messagesPerSecond * PACING_HEADROOM)),
    reserveSendSlot(
      db,
      `pair:${claimed.phone_number_id}:${identityKey(claimed)}`,
      1000 / (options.pairMessagesPerSecond * PACING_HEADROOM),
      options.pairBurst
    ),
  ])
  const waitMs = Math.max(numberSlot.getTime(), pairSlot.getTime()) - now()
  if (waitMs > MAX_IN_PROCESS_WAIT_MS) {
    // Waiting for pacing is not a failed attempt.
    await deps.finish({ id: claimed.id, result: "retry", delayMs: waitMs, note: null, code: null, uncount: true })
    return { outcome: "retry", retryInMs: waitMs }
  }
  if (waitMs > 0) {
    await sleep(waitMs)
  }
  for (let gateWait = await passSendGate(db, numberKey, gate); gateWait > 0; ) {
    await sleep(gateWait)
    gateWait = await passSendGate(db, numberKey, gate)
  }

  try {
    const response = await client.sendMessage(claimed.phone_number_id, sendRecipient(claimed), message)
    const wamid = response.messages?.[0]?.id
    if (!wamid) {
      throw new GraphApiError("The Graph API accepted the message but returned no id", 502, "no_wamid")
    }
    await markOutboundSent(db, claimed.id, wamid)
    return { outcome: "sent" }
  } catch (error) {
    const graphError = error instanceof GraphApiError ? error : GraphApiError.network(error)
    const text = [graphError.message, graphError.details].filter(Boolean).join(": ")
    const decision = decideRetry(graphError, claimed.attempts, {
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: options.maxRetryDelayMs,
      maxAttempts: options.maxOutboundAttempts,
    })
    if (decision.retry) {
      await deps.finish({ id: claimed.id, result: "retry", delayMs: decision.delayMs, note: text, code: graphError.code })
      return { outcome: "retry", retryInMs: decision.delayMs }
    }
    await deps.finish({ id: claimed.id, result: "failed", note: text, code: graphError.code })
    if (graphError.code === MARKETING_STOPPED_CODE) {
      // Answered at once instead of by status webhook: the customer stopped marketing messages all the same.
      await setMarketingPreference(db, claimed.conversation_id, { value: "stop", at: new Date(now()), detail: `Meta error ${MARKETING_STOPPED_CODE}: ${text}` })
    }
    return { outcome: "failed" }
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
