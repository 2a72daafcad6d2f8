/**
 * A WhatsApp order names the catalog its items come from (`order.catalog_id`,
 * Meta's order webhook). Only the account's own catalog maps retailer ids to
 * Medusa variants; a catalog may serve several accounts (catalog sharing),
 * but an order from any other catalog cannot be priced or sold here.
 * Returns why the order is refused, or null when it may become a cart.
 */
export function foreignCatalogRefusal(orderCatalogId: string | null | undefined, accountCatalogId: string | null | undefined): string | null {
  if (!orderCatalogId) return null
  if (!accountCatalogId) return `order from catalog ${orderCatalogId} refused: no catalog is connected to this account`
  if (String(orderCatalogId) === String(accountCatalogId)) return null
  return `order from catalog ${orderCatalogId} refused: the account sells from catalog ${accountCatalogId}`
}
