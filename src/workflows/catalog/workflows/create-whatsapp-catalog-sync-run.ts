import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { startCatalogSyncRunStep } from "../steps/record-catalog-sync-run"

/**
 * Records a manual sync run before the sync starts, so the admin API can
 * answer at once with its id; `syncWhatsAppCatalogWorkflow` then fills it.
 */
export const createWhatsAppCatalogSyncRunWorkflow = createWorkflow(
  "create-whatsapp-catalog-sync-run",
  (input: { account_id: string }) => new WorkflowResponse(startCatalogSyncRunStep({ account_id: input.account_id, trigger: "manual" }))
)
