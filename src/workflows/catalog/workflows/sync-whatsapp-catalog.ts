import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { loadCatalogVariantsStep } from "../steps/load-catalog-variants"
import { pushCatalogChangesStep } from "../steps/push-catalog-changes"
import { finishCatalogSyncRunStep, startCatalogSyncRunStep } from "../steps/record-catalog-sync-run"

export type SyncWhatsAppCatalogInput = {
  account_id: string
  /** Only these variants (incremental sync); all of the account's when absent. */
  variant_ids?: string[]
  trigger?: "manual" | "incremental" | "scheduled"
  /** A run created beforehand (the admin API returns its id at once). */
  run_id?: string
}

/**
 * Pushes the account's sellable variants to its Meta catalog: one item per
 * variant, only what changed, in batches Meta accepts, with each item's
 * outcome stored. Returns the run and its figures.
 */
export const syncWhatsAppCatalogWorkflow = createWorkflow("sync-whatsapp-catalog", (input: SyncWhatsAppCatalogInput) => {
  // One sync per account at a time, across instances: two would both CREATE new items.
  const lockKey = transform({ input }, ({ input }) => `whatsapp-catalog-sync:${input.account_id}`)
  acquireLockStep({ key: lockKey, timeout: 600, ttl: 900 })
  const run = startCatalogSyncRunStep(input)
  const loaded = loadCatalogVariantsStep(input)
  const stats = pushCatalogChangesStep(loaded)
  const finished = finishCatalogSyncRunStep({ id: run.id, stats })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(finished)
})
