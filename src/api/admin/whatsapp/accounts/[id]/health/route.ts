import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { healthLines } from "../../../../../../lib/graph-api/health"
import { accountEventsLine } from "../../../../../../lib/account-status-line"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { retrieveAccount } from "../../helpers"
import { listAllTemplates } from "../../../../../../lib/graph-api/list-templates"
import type { AdminWhatsAppHealthResponse } from "../../../../../../types/http"

/**
 * The connection check: phone number, webhook subscription, commerce
 * settings, catalog and templates, each asked of the Graph API; then what
 * Meta pushed by webhook (tier, review, account events, stopped templates).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppHealthResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id, { timeoutMs: 10_000 })
  const [phone, subscriptions, commerce, catalog, templates] = await Promise.allSettled([
    client.getPhoneNumber(account.phone_number_id),
    client.getSubscribedApps(account.waba_id),
    client.getCommerceSettings(account.phone_number_id),
    account.catalog_id ? client.getCatalog(account.catalog_id) : Promise.resolve(null),
    listAllTemplates(client, account.waba_id),
  ])
  const lines = healthLines({
    phone,
    subscriptions,
    commerce,
    catalog: account.catalog_id ? (catalog as PromiseSettledResult<any>) : null,
    templates,
  })
  const [state] = await whatsapp.listWhatsappAccounts({ id: account.id }, { select: ["messaging_limit_tier", "quality_event", "review_decision"] })
  const [events, known] = await Promise.all([whatsapp.latestAccountEvents(account.id), whatsapp.knownTemplateStatuses(account.id)])
  lines.push(accountEventsLine(state, events, known))
  res.json({ account_id: account.id, ok: lines.every((l) => l.ok), lines })
}
