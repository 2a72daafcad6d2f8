import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_ACCOUNT_FIELDS, catalogSourceAccounts } from "../../lib/catalog/catalog-sharing"
import { backoffDelay } from "../../lib/outbound/retry-policy"
import { describeError } from "../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { syncWhatsAppCatalogWorkflow } from "./workflows/sync-whatsapp-catalog"

/**
 * The `catalog_change` work handler: an incremental sync of the claimed
 * variants (changed, then quiet), one run per catalog (from its source
 * account) however many numbers share it. A failed run keeps the variants
 * for a retry with backoff; at the attempt cap they are given up visibly and
 * the nightly reconcile is what sends them.
 */
export async function syncCatalogChanges(container: MedusaContainer, claimed: { id: string; attempts: number }[]) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const variantIds = claimed.map((c) => c.id)
  const failures: string[] = []
  const accounts = catalogSourceAccounts((await whatsapp.listWhatsappAccounts({}, { select: CATALOG_ACCOUNT_FIELDS })) as any[])
  for (const account of accounts) {
    try {
      await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id, variant_ids: variantIds, trigger: "incremental" } })
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
  const options = whatsapp.getOptions()
  const attempts = Math.max(...claimed.map((c) => c.attempts))
  if (attempts >= options.maxWebhookAttempts) {
    await whatsapp.finishWork("catalog_change", claimed.map((c) => ({ id: c.id, result: "failed", note: `gave up after ${attempts} attempts: ${note}; the nightly reconcile sends them` })))
    return { retryInMs: null }
  }
  const retryInMs = backoffDelay(attempts, { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs })
  await whatsapp.finishWork("catalog_change", claimed.map((c) => ({ id: c.id, result: "retry", delayMs: retryInMs, note })))
  return { retryInMs }
}
