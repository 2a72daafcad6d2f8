import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, PromotionActions } from "@medusajs/framework/utils"
import { createPromotionsWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import type { DiscountSpec } from "../../lib/discounts/discount-code"

export type EnsuredDiscount = {
  code: string
  promotion_id: string
  expires_at: Date
  /** The code was applied to the Medusa cart (its totals are Medusa's, discount included). */
  applied: boolean
  /** The promotion existed already: a retry, nothing new was made. */
  existing: boolean
}

/**
 * A Medusa promotion with `code` (one use, ending at `expiresAt` through its
 * campaign, which is how Medusa expires promotions), made once: a retry
 * finds it by its code. When `cartId` is given the code is applied to that
 * cart, so every page showing the cart shows Medusa's discounted total.
 * https://docs.medusajs.com/resources/references/medusa-workflows/createPromotionsWorkflow
 * https://docs.medusajs.com/resources/references/medusa-workflows/updateCartPromotionsWorkflow
 */
export async function ensureDiscountCode(
  container: MedusaContainer,
  input: { code: string; spec: Pick<DiscountSpec, "kind" | "value">; currency_code: string | null; expires_at: Date; cart_id?: string | null; label: string }
): Promise<EnsuredDiscount> {
  const promotions = container.resolve(Modules.PROMOTION)
  let [promotion] = await promotions.listPromotions({ code: input.code }, { relations: ["campaign"], take: 1 })
  const existing = !!promotion
  if (!promotion) {
    if (input.spec.kind === "fixed" && !input.currency_code) {
      throw new Error("A fixed-amount discount needs the cart's currency")
    }
    try {
      const { result } = await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: input.code,
              type: "standard",
              status: "active",
              is_automatic: false,
              limit: 1,
              application_method: {
                type: input.spec.kind,
                target_type: "order",
                allocation: "across",
                value: input.spec.value,
                ...(input.spec.kind === "fixed" ? { currency_code: input.currency_code!.toLowerCase() } : {}),
              },
              campaign: {
                name: input.label,
                campaign_identifier: input.code,
                starts_at: null,
                ends_at: input.expires_at,
              },
            },
          ],
        },
      })
      promotion = result[0] as any
    } catch (error) {
      // Another worker made the same code meanwhile (codes are unique in Medusa): use theirs.
      ;[promotion] = await promotions.listPromotions({ code: input.code }, { relations: ["campaign"], take: 1 })
      if (!promotion) throw error
    }
  }
  const endsAt = (promotion as any).campaign?.ends_at
  const expiresAt = endsAt ? new Date(endsAt) : input.expires_at
  if (expiresAt.getTime() <= Date.now()) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The promotion code ${input.code} expired at ${expiresAt.toISOString()}`)
  }
  let applied = false
  if (input.cart_id) {
    const { result } = await updateCartPromotionsWorkflow(container).run({
      input: { cart_id: input.cart_id, promo_codes: [input.code], action: PromotionActions.ADD },
    })
    const skipped = result.skipped_promo_codes.find((s) => s.code === input.code)
    if (skipped) throw new Error(`Medusa did not apply the code ${input.code} to the cart: ${skipped.reason}`)
    // Medusa passes over a code it cannot use; only the cart's own promotions say it was applied.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["promotions.code"], filters: { id: input.cart_id } })
    if (!(data[0]?.promotions ?? []).some((p: { code?: string | null } | null) => p?.code === input.code)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Medusa did not apply the code ${input.code} to the cart`)
    }
    applied = true
  }
  return { code: input.code, promotion_id: promotion.id, expires_at: expiresAt, applied, existing }
}
