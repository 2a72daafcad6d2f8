/**
 * Turns a WhatsApp order (retailer ids, quantities, the prices the customer
 * saw) into the lines of a Medusa cart, and lists every difference the
 * customer must be told about. Pure: the caller looks variants, prices and
 * stock up in Medusa.
 */

export type OrderItem = { product_retailer_id: string; quantity: number; item_price?: number | string | null; currency?: string | null }

export type ResolvedVariant = {
  variant_id: string
  title: string
  /** Medusa's price in the region currency, major units; null when the variant has none there. */
  price: number | null
  /** Units that can be sold now; null when stock is not managed. */
  available: number | null
}

export type CartLine = { variant_id: string; title: string; quantity: number; requested_quantity: number; unit_price: number }

export type OrderReconciliation = {
  lines: CartLine[]
  unknown_items: string[]
  out_of_stock: { title: string; requested: number; available: number }[]
  price_changes: { title: string; sent_price: number; price: number }[]
  currency_mismatch: { sent: string; cart: string } | null
}

/** WhatsApp carts allow up to 99 units of an item. */
const MAX_QUANTITY = 99

function toNumber(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN
  return Number.isFinite(n) ? n : null
}

export function reconcileOrder(
  items: OrderItem[],
  variants: Map<string, ResolvedVariant>,
  cartCurrency: string
): OrderReconciliation {
  // The same item twice in one order is one line.
  const merged = new Map<string, OrderItem & { quantity: number }>()
  for (const item of items) {
    const quantity = Math.max(0, Math.floor(toNumber(item.quantity) ?? 0))
    const existing = merged.get(item.product_retailer_id)
    if (existing) existing.quantity += quantity
    else merged.set(item.product_retailer_id, { ...item, quantity })
  }

  const result: OrderReconciliation = { lines: [], unknown_items: [], out_of_stock: [], price_changes: [], currency_mismatch: null }
  const currencies = new Set<string>()
  for (const [retailerId, item] of merged) {
    const variant = variants.get(retailerId)
    if (!variant || variant.price === null) {
      result.unknown_items.push(retailerId)
      continue
    }
    if (item.quantity < 1) continue
    const requested = Math.min(item.quantity, MAX_QUANTITY)
    const quantity = variant.available === null ? requested : Math.max(0, Math.min(requested, Math.floor(variant.available)))
    if (quantity < requested) {
      result.out_of_stock.push({ title: variant.title, requested, available: quantity })
    }
    const sentCurrency = item.currency?.toUpperCase() ?? null
    if (sentCurrency) currencies.add(sentCurrency)
    const sentPrice = toNumber(item.item_price)
    if (sentPrice !== null && sentCurrency === cartCurrency.toUpperCase() && Math.abs(sentPrice - variant.price) >= 0.005) {
      result.price_changes.push({ title: variant.title, sent_price: sentPrice, price: variant.price })
    }
    if (quantity > 0) {
      result.lines.push({ variant_id: variant.variant_id, title: variant.title, quantity, requested_quantity: requested, unit_price: variant.price })
    }
  }
  const foreign = [...currencies].find((c) => c !== cartCurrency.toUpperCase())
  if (foreign) {
    result.currency_mismatch = { sent: foreign, cart: cartCurrency.toUpperCase() }
  }
  return result
}
