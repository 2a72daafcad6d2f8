import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"

/** Which providers each demo region offers at checkout, when they are configured. */
const WANTED: Record<string, string[]> = {
  eur: ["pp_stripe-checkout_stripe-checkout", "pp_paypal_paypal", "pp_system_default"],
  inr: ["pp_razorpay-link_razorpay-link", "pp_system_default"],
}

/** Run on every start: a provider configured later shows up in the checkout without a reset. */
export async function ensureRegionPaymentProviders(container: MedusaContainer) {
  const payment = container.resolve(Modules.PAYMENT)
  const regions = container.resolve(Modules.REGION)
  const available = new Set((await payment.listPaymentProviders({}, { take: 100 })).map((p) => p.id))
  for (const region of await regions.listRegions({}, { take: 100 })) {
    const providers = (WANTED[region.currency_code] ?? ["pp_system_default"]).filter((id) => available.has(id))
    await updateRegionsWorkflow(container).run({ input: { selector: { id: region.id }, update: { payment_providers: providers } } })
  }
}
