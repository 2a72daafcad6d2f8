import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export const startCatalogSyncRunStep = createStep(
  "start-whatsapp-catalog-sync-run",
  async (input: { account_id: string; trigger?: "manual" | "incremental" | "scheduled"; run_id?: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    if (input.run_id) {
      return new StepResponse({ id: input.run_id }, input.run_id)
    }
    const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
    const run = await whatsapp.createWhatsappCatalogSyncRuns({
      account_id: account.id,
      catalog_id: account.catalog_id ?? "",
      trigger: input.trigger ?? "manual",
      started_at: new Date(),
    } as any)
    return new StepResponse({ id: run.id }, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    // The run stays, marked failed, so the admin sees what happened.
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappCatalogSyncRuns({ id: runId, status: "failed", finished_at: new Date(), error: "The sync failed; see the server log" } as any)
  }
)

export const finishCatalogSyncRunStep = createStep(
  "finish-whatsapp-catalog-sync-run",
  async (input: { id: string; stats: Record<string, unknown> }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappCatalogSyncRuns({ id: input.id, status: "completed", stats: input.stats, finished_at: new Date() } as any)
    return new StepResponse(input)
  }
)
