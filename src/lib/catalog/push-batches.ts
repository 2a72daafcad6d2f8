import type { GraphApiClient } from "../graph-api/client"
import { GraphApiError } from "../graph-api/errors"
import type { CatalogBatchIssue } from "../graph-api/types"
import type { BatchRequest } from "./plan-sync"

export type ItemOutcome = { ok: boolean; errors: string[]; warnings: string[] }
export type PushResult = { outcomes: Map<string, ItemOutcome>; batchCalls: number; polls: number; pausedMs: number }

export type PushOptions = {
  sleep?: (ms: number) => Promise<void>
  /** Pause when Meta reports this much of a quota used (percent). */
  usageThreshold?: number
  maxPollDelayMs?: number
  maxAttempts?: number
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Sends each chunk through items_batch, polls every handle with backoff
 * until Meta finishes it, and returns each item's outcome with Meta's errors
 * and warnings. Honours the usage headers: at 90% or more of a quota it
 * pauses before the next call; a 429 / throttling error waits and retries.
 */
export async function pushCatalogBatches(
  client: GraphApiClient,
  catalogId: string,
  chunks: BatchRequest[][],
  options: PushOptions = {}
): Promise<PushResult> {
  const sleep = options.sleep ?? defaultSleep
  const threshold = options.usageThreshold ?? 90
  const result: PushResult = { outcomes: new Map(), batchCalls: 0, polls: 0, pausedMs: 0 }

  const pauseIfNeeded = async () => {
    const usage = client.lastUsage
    if (usage && usage.maxPercent >= threshold) {
      const waitMs = Math.max(usage.regainAccessMinutes * 60_000, 2_000)
      result.pausedMs += waitMs
      client.lastUsage = null
      await sleep(waitMs)
    }
  }

  const handles: { handle: string; chunk: BatchRequest[] }[] = []
  for (const chunk of chunks) {
    for (let attempt = 1; ; attempt++) {
      await pauseIfNeeded()
      try {
        result.batchCalls++
        const { handles: [handle] } = await client.itemsBatch(catalogId, chunk)
        handles.push({ handle, chunk })
        break
      } catch (error) {
        const throttled = error instanceof GraphApiError && (error.status === 429 || ["80014", "4", "17", "32", "613"].includes(error.code))
        if (!throttled || attempt >= (options.maxAttempts ?? 6)) throw error
        const waitMs = Math.max(error.retryAfterMs ?? 0, 1_000 * 2 ** (attempt - 1))
        result.pausedMs += waitMs
        await sleep(waitMs)
      }
    }
  }

  for (const { handle, chunk } of handles) {
    let delay = 250
    for (;;) {
      await pauseIfNeeded()
      result.polls++
      const { data } = await client.checkBatchStatus(catalogId, handle)
      const status = data?.[0]
      if (status && status.status !== "started" && status.status !== "in_progress") {
        recordOutcomes(result.outcomes, chunk, status.errors ?? [], status.warnings ?? [])
        break
      }
      await sleep(delay)
      delay = Math.min(delay * 2, options.maxPollDelayMs ?? 10_000)
    }
  }
  return result
}

function recordOutcomes(outcomes: Map<string, ItemOutcome>, chunk: BatchRequest[], errors: CatalogBatchIssue[], warnings: CatalogBatchIssue[]) {
  const byLine = (issues: CatalogBatchIssue[], line: number, id: string) =>
    issues.filter((i) => i.line === line || (i.line === undefined && i.id === id)).map((i) => i.message)
  chunk.forEach((request, line) => {
    const itemErrors = byLine(errors, line, request.data.id)
    outcomes.set(request.data.id, { ok: itemErrors.length === 0, errors: itemErrors, warnings: byLine(warnings, line, request.data.id) })
  })
}
