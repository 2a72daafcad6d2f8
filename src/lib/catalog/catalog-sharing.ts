/**
 * Who owns a Meta catalog's configuration, and who may share it.
 *
 * Meta's rule: a WhatsApp Business Account has one catalog connected (the
 * WABA's `product_catalogs` edge "returns the product catalog connected to
 * the WhatsApp Business Account",
 * https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/product_catalogs/),
 * while one catalog may be connected to several WABAs and serves every phone
 * number of each. Catalog items therefore belong to the catalog: they are
 * priced and filtered once, from one configuration (region, so currency, and
 * sales channel), never per number, or two numbers would overwrite each
 * other's prices.
 */

export type CatalogAccount = {
  id: string
  name: string
  display_phone_number?: string | null
  waba_id: string
  catalog_id: string | null
  region_id: string | null
  sales_channel_id: string | null
  created_at: Date | string
}

/** The account fields these rules read. */
export const CATALOG_ACCOUNT_FIELDS = ["id", "name", "display_phone_number", "waba_id", "catalog_id", "region_id", "sales_channel_id", "created_at"]

/** An account with what its configuration means: the region's currency and names for messages. */
export type DescribedCatalogAccount = CatalogAccount & {
  currency_code: string | null
  region_name: string | null
  sales_channel_name: string | null
}

const configured = (a: CatalogAccount) => !!(a.catalog_id && a.region_id && a.sales_channel_id)
const time = (a: CatalogAccount) => new Date(a.created_at).getTime()

/**
 * The account a catalog is synced from: the first account (oldest) on the
 * catalog with a region and a sales channel. It set the catalog's currency
 * and sales channel; the others share its items.
 */
export function catalogSourceAccount<T extends CatalogAccount>(accounts: T[], catalogId: string): T | null {
  const candidates = accounts.filter((a) => a.catalog_id === catalogId && configured(a))
  candidates.sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id))
  return candidates[0] ?? null
}

/** One account per catalog, its source: the accounts the sync jobs run, so no catalog is synced twice. */
export function catalogSourceAccounts<T extends CatalogAccount>(accounts: T[]): T[] {
  const catalogIds = [...new Set(accounts.filter(configured).map((a) => a.catalog_id as string))]
  return catalogIds.map((id) => catalogSourceAccount(accounts, id) as T)
}

const upper = (code: string | null) => (code ?? "?").toUpperCase()

/**
 * Why `candidate` may not use its catalog, or null when it may. `others` are
 * the other accounts on the same catalog or the same WABA.
 * - Every number of one WABA uses the WABA's one catalog.
 * - A catalog already synced keeps its currency and sales channel: an account
 *   whose region has another currency, or that sells through another sales
 *   channel, is refused. Another region in the same currency shares the
 *   catalog as it is (priced from the source's region).
 * An account without a catalog, region or sales channel yet is not checked on those.
 */
export function catalogSharingConflict(candidate: DescribedCatalogAccount, others: DescribedCatalogAccount[]): string | null {
  const catalogId = candidate.catalog_id
  if (!catalogId) return null
  const rest = others.filter((o) => o.id !== candidate.id)

  const otherCatalog = rest.find((o) => o.waba_id === candidate.waba_id && o.catalog_id && o.catalog_id !== catalogId)
  if (otherCatalog) {
    return (
      `WhatsApp Business Account ${candidate.waba_id} already uses catalog ${otherCatalog.catalog_id} (account "${otherCatalog.name}"); ` +
      `Meta connects one catalog per WhatsApp Business Account, so every number of it uses that catalog`
    )
  }

  const source = catalogSourceAccount(rest, catalogId)
  if (!source || !candidate.region_id || !candidate.sales_channel_id) return null
  const already = `Catalog ${catalogId} is already synced in ${upper(source.currency_code)} for sales channel "${source.sales_channel_name ?? source.sales_channel_id}" by account "${source.name}"`
  if (source.currency_code && candidate.currency_code && source.currency_code.toLowerCase() !== candidate.currency_code.toLowerCase()) {
    return `${already}; this account's region uses ${upper(candidate.currency_code)}`
  }
  if (source.sales_channel_id !== candidate.sales_channel_id) {
    return `${already}; this account uses sales channel "${candidate.sales_channel_name ?? candidate.sales_channel_id}"`
  }
  return null
}
