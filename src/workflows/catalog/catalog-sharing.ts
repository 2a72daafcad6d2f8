import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_ACCOUNT_FIELDS, CatalogAccount, catalogSourceAccount, DescribedCatalogAccount } from "../../lib/catalog/catalog-sharing"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"

/** Accounts on this catalog or this WABA (the ones a catalog choice must agree with). */
export async function listCatalogNeighbours(container: MedusaContainer, where: { catalog_id?: string | null; waba_id?: string | null }) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const or = [
    ...(where.catalog_id ? [{ catalog_id: where.catalog_id }] : []),
    ...(where.waba_id ? [{ waba_id: where.waba_id }] : []),
  ]
  if (!or.length) return []
  return (await whatsapp.listWhatsappAccounts({ $or: or } as any, { select: CATALOG_ACCOUNT_FIELDS })) as unknown as CatalogAccount[]
}

/** Adds each account's region currency and the names a merchant recognises. */
export async function describeCatalogAccounts(container: MedusaContainer, accounts: CatalogAccount[]): Promise<DescribedCatalogAccount[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const regionIds = [...new Set(accounts.map((a) => a.region_id).filter(Boolean))] as string[]
  const channelIds = [...new Set(accounts.map((a) => a.sales_channel_id).filter(Boolean))] as string[]
  const { data: regions } = regionIds.length
    ? await query.graph({ entity: "region", fields: ["id", "name", "currency_code"], filters: { id: regionIds } })
    : { data: [] as any[] }
  const { data: channels } = channelIds.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
    : { data: [] as any[] }
  const region = new Map(regions.map((r: any) => [r.id, r]))
  const channel = new Map(channels.map((c: any) => [c.id, c]))
  return accounts.map((a) => ({
    ...a,
    currency_code: (a.region_id && region.get(a.region_id)?.currency_code) || null,
    region_name: (a.region_id && region.get(a.region_id)?.name) || null,
    sales_channel_name: (a.sales_channel_id && channel.get(a.sales_channel_id)?.name) || null,
  }))
}

export type CatalogSharing = {
  catalog_id: string
  /** The account whose region and sales channel the catalog is synced from (null until one is configured). */
  source: { id: string; name: string; display_phone_number: string | null } | null
  currency_code: string | null
  region: { id: string; name: string | null } | null
  sales_channel: { id: string; name: string | null } | null
  /** The other numbers using this catalog. */
  shared_with: { id: string; name: string; display_phone_number: string | null }[]
}

/** What the admin shows on a number's page: who else uses its catalog and how its items are priced. */
export async function describeCatalogSharing(container: MedusaContainer, account: CatalogAccount): Promise<CatalogSharing | null> {
  if (!account.catalog_id) return null
  const onCatalog = (await listCatalogNeighbours(container, { catalog_id: account.catalog_id })).filter((a) => a.catalog_id === account.catalog_id)
  const source = catalogSourceAccount(onCatalog, account.catalog_id)
  const [described] = source ? await describeCatalogAccounts(container, [source]) : [null]
  const brief = (a: CatalogAccount) => ({ id: a.id, name: a.name, display_phone_number: a.display_phone_number ?? null })
  return {
    catalog_id: account.catalog_id,
    source: source ? brief(source) : null,
    currency_code: described?.currency_code ?? null,
    region: described ? { id: described.region_id as string, name: described.region_name } : null,
    sales_channel: described ? { id: described.sales_channel_id as string, name: described.sales_channel_name } : null,
    shared_with: onCatalog.filter((a) => a.id !== account.id).map(brief),
  }
}
