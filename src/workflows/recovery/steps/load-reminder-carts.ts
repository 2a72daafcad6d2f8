import { variantDisplayTitle } from "../../../lib/product-texts"
import type { ReminderCart } from "../../../lib/recovery/reminder-texts"

export type LoadedReminderCart = ReminderCart & { completed: boolean; customer_first_name: string | null }

/** The Medusa carts behind a batch, in one query: what is in them now, their total, and whether they were completed. */
export async function loadReminderCarts(query: any, cartIds: string[]): Promise<Map<string, LoadedReminderCart>> {
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "completed_at",
      "customer.first_name",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.total",
    ],
    filters: { id: cartIds },
  })
  return new Map(
    data.map((cart: any) => [
      cart.id,
      {
        currency: cart.currency_code,
        total: Number(cart.total ?? 0),
        completed: !!cart.completed_at,
        customer_first_name: cart.customer?.first_name ?? null,
        items: (cart.items ?? []).map((i: any) => ({
          title: i.product_title ? variantDisplayTitle(i.product_title, i.variant_title) : i.title,
          quantity: Number(i.quantity),
          total: Number(i.total ?? 0),
        })),
      },
    ])
  )
}
