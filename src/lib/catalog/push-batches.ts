import type { GraphApiClient } from "../graph-api/client"
import { GraphApiError } from "../graph-api/errors"
import { graphErrorText } from "../graph-api/meta-error"
import type { CatalogBatchStatus } from "../graph-api/types"
import {
  BatchReport,
  intakeErrorsOf,
  isTerminalBatchStatus,
  ItemOutcome,
  outcomesOfTerminalBatch,
  outcomesOfUningestedBatch,
  pendingBatch,
} from "./batch-outcomes"
import type { BatchRequest } from "./plan-sync"

export type { ItemOutcome, BatchReport } from "./batch-outcomes"

export type PushResult = { outcomes: Map<string, ItemOutcome>; batches: BatchReport[]; batchCalls: number; polls: number; pausedMs: number }

export type PushOptions = {
  /** Injected by tests so no test waits on the wall clock. */
  sleep?: (ms: number) => Promise<void>
  /** Pause when Meta reports this much of a quota used (percent). */
  usageThreshold?: number
  /** Wait before the first status poll; later waits double up to maxPollDelayMs. */
  firstPollDelayMs?: number
  maxPollDelayMs?: number
  /** Status answers per batch before its items are left pending for the next run. */
  maxPolls?: number
  /** Throttled or failed calls in a row (per items_batch call, per batch's polling) before giving up. */
  maxAttempts?: number
}

export const DEFAULT_PUSH_OPTIONS = { usageThreshold: 90, firstPollDelayMs: 1_000, maxPollDelayMs: 30_000, maxPolls: 20, maxAttempts: 6 }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Meta's "slow down" answers: 80014 on items_batch, 80009 on
 * check_batch_request_status ("too many calls to this Catalog account"),
 * and the generic Graph API throttles (4, 17, 32, 613, HTTP 429).
 * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/check_batch_request_status/
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting#catalog
 */
const THROTTLE_CODES = ["80009", "80014", "4", "17", "32", "613"]

function isThrottled(error: unknown): error is GraphApiError {
  return error instanceof GraphApiError && (error.status === 429 || THROTTLE_CODES.includes(error.code))
}

/** A failure worth another try: throttling, Meta's 5xx, the network. */
function isTransient(error: unknown): error is GraphApiError {
  return isThrottled(error) || (error instanceof GraphApiError && (error.status >= 500 || error.code === "network"))
}

/**
 * Sends each chunk through items_batch and polls each handle with backoff
 * until Meta reports a terminal status (finished, canceled, error). Only
 * items Meta is known to have applied come back `synced`; refused ones come
 * back `invalid` with Meta's reasons; everything uncertain comes back
 * `pending` with why, for the next run. Honours the usage headers (at 90% or
 * more of a quota it pauses for Meta's `estimated_time_to_regain_access`)
 * and backs off on 80009/80014 and other throttles.
 */
export async function pushCatalogBatches(client: GraphApiClient, catalogId: string, chunks: BatchRequest[][], options: PushOptions = {}): Promise<PushResult> {
  const sleep = options.sleep ?? defaultSleep
  const settings = { ...DEFAULT_PUSH_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) }
  const result: PushResult = { outcomes: new Map(), batches: [], batchCalls: 0, polls: 0, pausedMs: 0 }

  const pause = async (ms: number) => {
    result.pausedMs += ms
    await sleep(ms)
  }
  const regainMs = () => (client.lastUsage?.regainAccessMinutes ?? 0) * 60_000
  const pauseIfNearLimit = async () => {
    const usage = client.lastUsage
    if (usage && usage.maxPercent >= settings.usageThreshold) {
      client.lastUsage = null
      await pause(Math.max(usage.regainAccessMinutes * 60_000, 2_000))
    }
  }
  const backoffMs = (error: GraphApiError, attempt: number) => Math.max(error.retryAfterMs ?? 0, regainMs(), 1_000 * 2 ** (attempt - 1))
  const record = ({ outcomes, report }: { outcomes: Map<string, ItemOutcome>; report: BatchReport }) => {
    for (const [id, outcome] of outcomes) result.outcomes.set(id, outcome)
    result.batches.push(report)
  }

  const sent: { handle: string; chunk: BatchRequest[]; intakeErrors: Map<string, string[]> }[] = []
  for (const chunk of chunks) {
    for (let attempt = 1; ; attempt++) {
      await pauseIfNearLimit()
      try {
        result.batchCalls++
        const answer = await client.itemsBatch(catalogId, chunk)
        const handle = answer.handles?.[0]
        if (handle) sent.push({ handle, chunk, intakeErrors: intakeErrorsOf(answer) })
        else record(outcomesOfUningestedBatch(chunk, answer))
        break
      } catch (error) {
        if (!isThrottled(error) || attempt >= settings.maxAttempts) throw error
        await pause(backoffMs(error, attempt))
      }
    }
  }

  for (const { handle, chunk, intakeErrors } of sent) {
    record(await pollUntilTerminal(handle, chunk, intakeErrors))
  }
  return result

  async function pollUntilTerminal(handle: string, chunk: BatchRequest[], intakeErrors: Map<string, string[]>) {
    let delay = settings.firstPollDelayMs
    let last: CatalogBatchStatus | null = null
    let failures = 0
    let answers = 0
    while (answers < settings.maxPolls) {
      await pauseIfNearLimit()
      await sleep(delay)
      result.polls++
      try {
        const { data } = await client.checkBatchStatus(catalogId, handle)
        answers++
        failures = 0
        last = data?.[0] ?? null
        if (last && isTerminalBatchStatus(last.status)) return outcomesOfTerminalBatch(chunk, { ...last, handle }, intakeErrors)
        delay = Math.min(delay * 2, settings.maxPollDelayMs)
      } catch (error) {
        if (!isTransient(error)) return pendingBatch(handle, last?.status ?? "unknown", chunk, `status check failed: ${graphErrorText(error)}; sent again next run`)
        if (++failures >= settings.maxAttempts) {
          return pendingBatch(handle, last?.status ?? "unknown", chunk, `status checks ${isThrottled(error) ? "throttled" : "failing"} ${failures} times in a row (${graphErrorText(error)}); sent again next run`)
        }
        await pause(backoffMs(error, failures))
      }
    }
    return pendingBatch(handle, last?.status ?? "unknown", chunk, `batch still ${last?.status ?? "unanswered"} after ${answers} status checks; sent again next run`)
  }
}
