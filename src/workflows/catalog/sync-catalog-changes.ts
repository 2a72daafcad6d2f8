import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_ACCOUNT_FIELDS, catalogSourceAccounts } from "../../lib/catalog/catalog-sharing"
import { failedWorkOutcome, workRetryOptions } from "../../lib/webhook-event-failure"
import { describeError } from "../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { syncWhatsAppCatalogWorkflow } from "./workflows/sync-whatsapp-catalog"

/**
 * The `catalog_change` work handler: an incremental sync of the claimed
 * variants (changed, then quiet), one run per catalog (from its source
 * account) however many numbers share it. A failed run keeps the variants
 * for a retry with backoff, and so does a run that left items pending (Meta
 * canceled or never finished their batch); at the attempt cap they are given
 * up visibly and the nightly reconcile is what sends them.
 */
export async function syncCatalogChanges(container: MedusaContainer, claimed: { id: string; attempts: number }[]) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const variantIds = claimed.map((c) => c.id)
  const failures: string[] = []
  const accounts = catalogSourceAccounts((await whatsapp.listWhatsappAccounts({}, { select: CATALOG_ACCOUNT_FIELDS })) as any[])
  for (const account of accounts) {
    try {
      const { result } = await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id, variant_ids: variantIds, trigger: "incremental" } })
      // Items Meta has not confirmed (batch canceled, errored, unfinished): keep the changes for a retry.
      const pending = Number((result?.stats as { pending?: number } | undefined)?.pending ?? 0)
      if (pending > 0) failures.push(`${account.id}: ${pending} item(s) left pending by Meta (see run ${result.id})`)
    } catch (error) {
      failures.push(`${account.id}: ${describeError(error)}`)
    }
  }
  if (!failures.length) {
    await whatsapp.finishWork("catalog_change", claimed.map((c) => ({ id: c.id, result: "done", claimedAttempts: c.attempts })))
    return { retryInMs: null }
  }
  const note = `incremental sync failed for ${failures.join("; ")}`
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: ${note}`)
  // One decision for the batch (it failed as one run), by its most-tried variant; given up, the nightly reconcile sends them.
  const attempts = Math.max(...claimed.map((c) => c.attempts))
  const outcome = failedWorkOutcome("", note, attempts, workRetryOptions(whatsapp.getOptions()))
  await whatsapp.finishWork("catalog_change", claimed.map((c) => ({ ...outcome, id: c.id })))
  return { retryInMs: outcome.result === "retry" ? outcome.delayMs : null }
}
