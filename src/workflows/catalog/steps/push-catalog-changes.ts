import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pushCatalogBatches } from "../../../lib/catalog/push-batches"
import { chunkBatchRequests, planCatalogChanges } from "../../../lib/catalog/plan-sync"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { LoadedCatalog } from "./load-catalog-variants"

// The run's `stats` as the admin API returns them: defined once, with the response types.
export type { CatalogSyncStats } from "../../../types/http/catalog"
import type { CatalogSyncStats } from "../../../types/http/catalog"

/**
 * Sends only what changed (new, changed, removed), then records every
 * item's state: its hash when Meta accepted it, Meta's errors and warnings
 * when not, and our own problems for variants that could not be sent.
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
    const pushed = await pushCatalogBatches(client, loaded.catalogId, chunkBatchRequests(requests))

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

    for (const item of loaded.desired) {
      const outcome = pushed.outcomes.get(item.retailer_id)
      if (!outcome) continue // unchanged
      upsert(item.variant_id, {
        product_id: item.product_id,
        retailer_id: item.retailer_id,
        content_hash: outcome.ok ? item.hash : null,
        sync_status: outcome.ok ? "synced" : "error",
        errors: outcome.errors.length ? outcome.errors : null,
        warnings: outcome.warnings.length ? outcome.warnings : null,
        last_synced_at: now,
      })
    }
    for (const item of loaded.invalid) {
      upsert(item.variant_id, {
        product_id: item.product_id,
        retailer_id: item.retailer_id,
        sync_status: "invalid",
        errors: item.problems,
        ...(method.get(item.retailer_id) === "DELETE" ? { content_hash: null } : {}),
      })
    }
    const desiredIds = new Set([...loaded.desired, ...loaded.invalid].map((d) => d.retailer_id))
    for (const item of loaded.stored) {
      if (desiredIds.has(item.retailer_id) || method.get(item.retailer_id) !== "DELETE") continue
      const outcome = pushed.outcomes.get(item.retailer_id)
      updates.push({ id: item.id, sync_status: outcome?.ok ? "deleted" : "error", content_hash: outcome?.ok ? null : item.content_hash, errors: outcome?.errors.length ? outcome.errors : null, last_synced_at: now })
    }
    for (const item of replaced) {
      if (pushed.outcomes.get(item.replaced_retailer_id as string)?.ok) {
        const pending = updates.find((u) => u.id === item.id)
        if (pending) pending.replaced_retailer_id = null
        else updates.push({ id: item.id, replaced_retailer_id: null })
      }
    }
    if (creates.length) await whatsapp.createWhatsappCatalogItems(creates as any)
    if (updates.length) await whatsapp.updateWhatsappCatalogItems(updates as any)

    const count = (m: string) => requests.filter((r) => r.method === m && pushed.outcomes.get(r.data.id)?.ok).length
    const stats: CatalogSyncStats = {
      created: count("CREATE"),
      updated: count("UPDATE"),
      deleted: count("DELETE"),
      unchanged: loaded.desired.length - requests.filter((r) => r.method !== "DELETE").length,
      invalid: loaded.invalid.length,
      rejected: [...pushed.outcomes.values()].filter((o) => !o.ok).length,
      batch_calls: pushed.batchCalls,
      polls: pushed.polls,
      paused_ms: pushed.pausedMs,
    }
    return new StepResponse(stats)
  }
)
