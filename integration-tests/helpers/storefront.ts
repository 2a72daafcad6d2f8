import type { MedusaContainer } from "@medusajs/framework/types"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

/** A publishable key on the channel: what every `/store` request of a storefront carries. */
export async function createPublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  return key.token
}

export type StorefrontCustomer = { id: string; email: string; headers: Record<string, string> }

/**
 * Registers a storefront account as Medusa's storefronts do (emailpass
 * registration, then the customer with the registration token), and logs in.
 * The phone is whatever the person types: nothing checks it.
 */
export async function registerStorefrontCustomer(
  baseUrl: string,
  publishableKey: string,
  person: { email: string; password?: string; first_name: string; last_name: string; phone?: string }
): Promise<StorefrontCustomer> {
  const password = person.password ?? "a-long-password-1"
  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(baseUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey, ...headers },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
    return res.json()
  }
  const { token: registration } = await call("/auth/customer/emailpass/register", { email: person.email, password })
  const { customer } = await call(
    "/store/customers",
    { email: person.email, first_name: person.first_name, last_name: person.last_name, ...(person.phone ? { phone: person.phone } : {}) },
    { authorization: `Bearer ${registration}` }
  )
  const { token } = await call("/auth/customer/emailpass", { email: person.email, password })
  return { id: customer.id, email: person.email, headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}
