import type { MedusaContainer } from "@medusajs/framework/types"
import type { GraphApiClient } from "../../../../lib/graph-api/client"
import type { MetaCatalog } from "../../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppAccount, MetaCatalogChoice } from "../../../../types/http"
import { updateWhatsAppAccountWorkflow } from "../../../../workflows/channel/workflows/update-whatsapp-account"

/**
 * The business portfolio that owns the account's WABA: the stored one, else
 * Meta's `owner_business_info`, then stored for next time. Null when Meta
 * does not say.
 */
export async function accountBusinessId(container: MedusaContainer, account: AdminWhatsAppAccount, client: GraphApiClient) {
  if (account.business_id) return account.business_id
  const id = (await client.getWabaBusiness(account.waba_id)).owner_business_info?.id ?? null
  if (id) await updateWhatsAppAccountWorkflow(container).run({ input: { id: account.id, business_id: id } })
  return id
}

/** The catalogs as the catalog step offers them: connected to this WABA or not, and which other numbers of the store use each. */
export async function describeCatalogChoices(
  container: MedusaContainer,
  account: AdminWhatsAppAccount,
  catalogs: MetaCatalog[],
  wabaCatalogId: string | null
): Promise<MetaCatalogChoice[]> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const ids = catalogs.map((c) => c.id)
  const users = ids.length
    ? await whatsapp.listWhatsappAccounts({ catalog_id: ids } as any, { select: ["id", "name", "display_phone_number", "catalog_id"] })
    : []
  return catalogs.map((c) => ({
    id: c.id,
    name: c.name,
    vertical: c.vertical ?? null,
    product_count: c.product_count ?? null,
    connected: c.id === wabaCatalogId,
    used_by: users
      .filter((u: any) => u.catalog_id === c.id && u.id !== account.id)
      .map((u: any) => ({ id: u.id, name: u.name, display_phone_number: u.display_phone_number ?? null })),
  }))
}
