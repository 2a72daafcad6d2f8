import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pushCatalogBatches } from "../../../lib/catalog/push-batches"
import { chunkBatchRequests, isLiveAtMeta, planCatalogChanges } from "../../../lib/catalog/plan-sync"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { LoadedCatalog } from "./load-catalog-variants"

// The run's `stats` as the admin API returns them: defined once, with the response types.
export type { CatalogSyncStats } from "../../../types/http/catalog"
import type { CatalogSyncStats } from "../../../types/http/catalog"

/**
 * Sends only what changed (new, changed, removed, left unsettled), then
 * records every item's state: its hash when Meta is known to have applied it,
 * `invalid` with Meta's reasons when Meta refused it, `pending` with why when
 * the outcome is unknown (the next run sends it again), and our own problems
 * for variants that could not be sent.
 */
export const pushCatalogChangesStep = createStep(
  "push-whatsapp-catalog-changes",
  async (loaded: LoadedCatalog, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const client = await whatsapp.graphClientFor(loaded.accountId, { timeoutMs: 120_000 })

    // Invalid variants that Meta still holds are deleted, like unpublished ones,
    // and so are content IDs a remap left behind.
    const replaced = loaded.stored.filter((s) => s.replaced_retailer_id)
    const requests = [
      ...planCatalogChanges(loaded.desired, loaded.stored),
      ...replaced.map((s) => ({ method: "DELETE" as const, data: { id: s.replaced_retailer_id as string } })),
    ]
    const pushed = await pushCatalogBatches(client, loaded.catalogId, chunkBatchRequests(requests), whatsapp.getOptions().catalogBatchPolling)

    const now = new Date()
    const storedByVariant = new Map(loaded.stored.map((s) => [s.variant_id, s]))
    const creates: Record<string, unknown>[] = []
    const updates: Record<string, unknown>[] = []
    const upsert = (variantId: string, fields: Record<string, unknown>) => {
      const existing = storedByVariant.get(variantId)
      if (existing) updates.push({ id: existing.id, ...fields })
      else creates.push({ catalog_id: loaded.catalogId, variant_id: variantId, ...fields })
    }
    const method = new Map(requests.map((r) => [r.data.id, r.method]))
    const outcomeOf = (retailerId: string) => pushed.outcomes.get(retailerId)
    const listOrNull = (list: string[] | undefined) => (list?.length ? list : null)

    for (const item of loaded.desired) {
      const outcome = outcomeOf(item.retailer_id)
      if (!outcome) continue // unchanged
      const fields: Record<string, unknown> = {
        product_id: item.product_id,
        retailer_id: item.retailer_id,
        sync_status: outcome.state,
        errors: listOrNull(outcome.errors),
        warnings: listOrNull(outcome.warnings),
        last_synced_at: now,
      }
      // Pending keeps the hash Meta last confirmed, so the change is sent again.
      if (outcome.state === "synced") fields.content_hash = item.hash
      if (outcome.state === "invalid") fields.content_hash = null
      upsert(item.variant_id, fields)
    }
    for (const item of loaded.invalid) {
      const removed = method.get(item.retailer_id) === "DELETE" && outcomeOf(item.retailer_id)?.state === "synced"
      upsert(item.variant_id, { product_id: item.product_id, retailer_id: item.retailer_id, sync_status: "invalid", errors: item.problems, ...(removed ? { content_hash: null } : {}) })
    }
    const desiredIds = new Set([...loaded.desired, ...loaded.invalid].map((d) => d.retailer_id))
    for (const item of loaded.stored) {
      if (desiredIds.has(item.retailer_id) || method.get(item.retailer_id) !== "DELETE") continue
      const outcome = outcomeOf(item.retailer_id)
      const status = outcome?.state === "synced" ? "deleted" : outcome?.state === "pending" ? "pending" : "error"
      updates.push({ id: item.id, sync_status: status, content_hash: status === "deleted" ? null : item.content_hash, errors: listOrNull(outcome?.errors), last_synced_at: now })
    }
    for (const item of replaced) {
      if (outcomeOf(item.replaced_retailer_id as string)?.state === "synced") {
        const pending = updates.find((u) => u.id === item.id)
        if (pending) pending.replaced_retailer_id = null
        else updates.push({ id: item.id, replaced_retailer_id: null })
      }
    }
    if (creates.length) await whatsapp.createWhatsappCatalogItems(creates as any)
    if (updates.length) await whatsapp.updateWhatsappCatalogItems(updates as any)

    // Every item goes as UPDATE (Meta upserts); "created" counts the ones Meta did not hold before.
    const storedById = new Map(loaded.stored.map((s) => [s.retailer_id, s]))
    const synced = requests.filter((r) => outcomeOf(r.data.id)?.state === "synced")
    const sentItems = requests.filter((r) => r.method !== "DELETE")
    const states = [...pushed.outcomes.values()]
    const stats: CatalogSyncStats = {
      created: synced.filter((r) => r.method === "UPDATE" && !isLiveAtMeta(storedById.get(r.data.id))).length,
      updated: synced.filter((r) => r.method === "UPDATE" && isLiveAtMeta(storedById.get(r.data.id))).length,
      deleted: synced.filter((r) => r.method === "DELETE").length,
      unchanged: loaded.desired.length - sentItems.length,
      invalid: loaded.invalid.length,
      rejected: states.filter((o) => o.state === "invalid").length,
      pending: states.filter((o) => o.state === "pending").length,
      warnings: states.filter((o) => o.warnings.length).length,
      batch_calls: pushed.batchCalls,
      polls: pushed.polls,
      paused_ms: pushed.pausedMs,
      batches: pushed.batches,
    }
    return new StepResponse(stats)
  }
)
