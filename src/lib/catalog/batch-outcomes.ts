import type { CatalogBatchIssue, CatalogBatchStatus, CatalogItemsBatchResponse } from "../graph-api/types"
import type { CatalogSyncBatch } from "../../types/http/catalog"
import type { BatchRequest } from "./plan-sync"

/**
 * What one request of a batch came to: `synced` only when Meta is known to
 * have applied it, `invalid` when Meta refused it, `pending` when nobody
 * knows yet (the batch was canceled, errored, never finished or ingested
 * nothing); pending items are sent again by the next run.
 */
export type ItemOutcome = { state: "synced" | "invalid" | "pending"; errors: string[]; warnings: string[] }

/** One items_batch call as the sync run shows it (the admin API's type). */
export type BatchReport = CatalogSyncBatch

/**
 * Meta's batch statuses (check_batch_request_status, "Status"): scheduled →
 * dispatched → started → finished, or canceled / error. Only the last three
 * end a batch.
 * https://developers.facebook.com/docs/marketing-api/catalog-batch/guides/get-batch-request/
 */
export const TERMINAL_BATCH_STATUSES = ["finished", "canceled", "error"] as const

export const NO_SAMPLE_DETAIL = "rejected by Meta (no detail in Meta's error sample)"

export function isTerminalBatchStatus(status: string | undefined): boolean {
  return (TERMINAL_BATCH_STATUSES as readonly string[]).includes(String(status ?? "").toLowerCase())
}

type Outcomes = Map<string, ItemOutcome>

/** Meta's issues grouped by the retailer id they concern: by `id` when it names a request of the chunk, else by `line`. */
function issuesById(chunk: BatchRequest[], issues: CatalogBatchIssue[] | undefined): Map<string, string[]> {
  const ids = new Set(chunk.map((r) => r.data.id))
  const grouped = new Map<string, string[]>()
  for (const issue of issues ?? []) {
    const id = issue.id && ids.has(issue.id) ? issue.id : Number.isInteger(issue.line) ? chunk[issue.line as number]?.data.id : undefined
    if (!id) continue
    grouped.set(id, [...(grouped.get(id) ?? []), issue.message])
  }
  return grouped
}

function report(handle: string | null, status: string, chunk: BatchRequest[], outcomes: Outcomes, counts: { errors?: number; warnings?: number }, note: string | null): BatchReport {
  const states = chunk.map((r) => outcomes.get(r.data.id)?.state)
  return {
    handle,
    requests: chunk.length,
    status,
    errors_total_count: counts.errors ?? 0,
    warnings_total_count: counts.warnings ?? 0,
    synced: states.filter((s) => s === "synced").length,
    invalid: states.filter((s) => s === "invalid").length,
    pending: states.filter((s) => s === "pending").length,
    note,
  }
}

/** Every request of the chunk left pending, with the reason shown on each item and on the run. */
export function pendingBatch(handle: string | null, status: string, chunk: BatchRequest[], reason: string) {
  const outcomes: Outcomes = new Map(chunk.map((r) => [r.data.id, { state: "pending", errors: [reason], warnings: [] }]))
  return { outcomes, report: report(handle, status, chunk, outcomes, {}, reason) }
}

/**
 * An items_batch answer with empty `handles`: nothing was ingested. Requests
 * Meta's `validation_status` gives errors for are invalid; the others were
 * refused only because they travelled with them, so they stay pending.
 */
export function outcomesOfUningestedBatch(chunk: BatchRequest[], answer: CatalogItemsBatchResponse) {
  const byId = new Map((answer.validation_status ?? []).map((v) => [v.retailer_id, v]))
  const outcomes: Outcomes = new Map()
  let errors = 0
  let warnings = 0
  for (const request of chunk) {
    const validation = byId.get(request.data.id)
    const itemErrors = (validation?.errors ?? []).map((e) => e.message)
    const itemWarnings = (validation?.warnings ?? []).map((w) => w.message)
    errors += itemErrors.length
    warnings += itemWarnings.length
    outcomes.set(
      request.data.id,
      itemErrors.length
        ? { state: "invalid", errors: itemErrors, warnings: itemWarnings }
        : { state: "pending", errors: ["Meta ingested nothing from this batch (empty handles); sent again next run"], warnings: itemWarnings }
    )
  }
  const refused = [...outcomes.values()].filter((o) => o.state === "invalid").length
  return { outcomes, report: report(null, "not_ingested", chunk, outcomes, { errors, warnings }, `Meta ingested nothing: ${refused} item(s) failed validation`) }
}

/**
 * A batch Meta finished. The ids of invalid requests (asked for with
 * `load_ids_of_invalid_requests`) and the error sample together name the
 * refused items; an item named only by the list gets a reason saying Meta's
 * sample had no detail for it. Were the list missing while the sample is
 * short of `errors_total_count`, no unnamed item could be called good: they
 * stay pending rather than being marked synced.
 */
export function outcomesOfFinishedBatch(chunk: BatchRequest[], status: CatalogBatchStatus, intakeErrors: Map<string, string[]> = new Map()) {
  const ids = new Set(chunk.map((r) => r.data.id))
  const errors = issuesById(chunk, status.errors)
  const warnings = issuesById(chunk, status.warnings)
  const listed = (status.ids_of_invalid_requests ?? []).filter((id) => ids.has(id))
  const invalid = new Set([...listed, ...errors.keys(), ...intakeErrors.keys()])
  const total = status.errors_total_count ?? status.errors?.length ?? 0
  const unnamed = !listed.length && total > (status.errors?.length ?? 0)
  const outcomes: Outcomes = new Map()
  for (const request of chunk) {
    const id = request.data.id
    const itemWarnings = warnings.get(id) ?? []
    if (invalid.has(id)) {
      const reasons = [...(intakeErrors.get(id) ?? []), ...(errors.get(id) ?? [])]
      outcomes.set(id, { state: "invalid", errors: reasons.length ? reasons : [NO_SAMPLE_DETAIL], warnings: itemWarnings })
    } else if (unnamed) {
      outcomes.set(id, { state: "pending", errors: [`Meta reported ${total} errors without naming the items; sent again next run`], warnings: itemWarnings })
    } else {
      outcomes.set(id, { state: "synced", errors: [], warnings: itemWarnings })
    }
  }
  const counts = { errors: total, warnings: status.warnings_total_count ?? status.warnings?.length ?? 0 }
  const note = counts.errors ? `${invalid.size} item(s) refused of ${chunk.length}; ${counts.errors} error(s) in total, ${status.errors?.length ?? 0} in Meta's sample` : null
  return { outcomes, report: report(status.handle ?? null, "finished", chunk, outcomes, counts, note) }
}

/** Intake errors of an answer that did carry a handle: those items are refused whatever the status says. */
export function intakeErrorsOf(answer: CatalogItemsBatchResponse): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const v of answer.validation_status ?? []) {
    const messages = (v.errors ?? []).map((e) => e.message)
    if (messages.length) map.set(v.retailer_id, messages)
  }
  return map
}

/** The outcome of a batch whose last status is terminal (finished, canceled, error). */
export function outcomesOfTerminalBatch(chunk: BatchRequest[], status: CatalogBatchStatus, intakeErrors?: Map<string, string[]>) {
  const name = String(status.status).toLowerCase()
  if (name === "finished") return outcomesOfFinishedBatch(chunk, status, intakeErrors)
  // Canceled: "manually canceled"; error: "some of the requests might not have finished". Neither says which were applied.
  return pendingBatch(status.handle ?? null, name, chunk, `batch ${name} at Meta; sent again next run`)
}
