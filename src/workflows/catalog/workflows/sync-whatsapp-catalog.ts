import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { loadCatalogVariantsStep } from "../steps/load-catalog-variants"
import { pushCatalogChangesStep } from "../steps/push-catalog-changes"
import { finishCatalogSyncRunStep, startCatalogSyncRunStep } from "../steps/record-catalog-sync-run"
import { resolveCatalogSourceStep } from "../steps/resolve-catalog-source"

export type SyncWhatsAppCatalogInput = {
  /** Any account using the catalog: the catalog is synced from its own configuration, whoever asks. */
  account_id: string
  /** Only these variants (incremental sync); all of the catalog's when absent. */
  variant_ids?: string[]
  trigger?: "manual" | "incremental" | "scheduled"
  /** A run created beforehand (the admin API returns its id at once). */
  run_id?: string
}

/**
 * Pushes the sellable variants to the account's Meta catalog: one item per
 * variant, only what changed, in batches Meta accepts, with each item's
 * outcome stored. A catalog shared by several numbers is priced from its
 * source account (lib/catalog/catalog-sharing), never from the number that
 * asked. Returns the run and its figures.
 */
export const syncWhatsAppCatalogWorkflow = createWorkflow("sync-whatsapp-catalog", (input: SyncWhatsAppCatalogInput) => {
  const catalog = resolveCatalogSourceStep(input)
  // One sync per catalog at a time, across instances and numbers: two would both CREATE new items.
  const lockKey = transform({ catalog }, ({ catalog }) => `whatsapp-catalog-sync:${catalog.catalog_id}`)
  acquireLockStep({ key: lockKey, timeout: 600, ttl: 900 })
  const run = startCatalogSyncRunStep(input)
  const loadInput = transform({ input, catalog }, ({ input, catalog }) => ({ account_id: catalog.source_account_id, variant_ids: input.variant_ids }))
  const loaded = loadCatalogVariantsStep(loadInput)
  const stats = pushCatalogChangesStep(loaded)
  const finished = finishCatalogSyncRunStep({ id: run.id, stats })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(finished)
})
