import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GraphApiError } from "../../../lib/graph-api/errors"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type ConnectCatalogInput = {
  account_id: string
  catalog_id: string
  is_cart_enabled?: boolean
  is_catalog_visible?: boolean
  /** Disconnect another catalog the WABA is connected to (a WABA has one). */
  replace?: boolean
}

/** Checks through the Graph API that the catalog exists and this token can reach it. */
export const verifyCatalogStep = createStep("verify-whatsapp-catalog", async (input: ConnectCatalogInput, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(input.account_id)
  try {
    return new StepResponse(await client.getCatalog(input.catalog_id))
  } catch (error) {
    // Meta's error goes on (the route explains it), marked with what failed.
    if (error instanceof GraphApiError) throw Object.assign(error, { failed: `Catalog ${input.catalog_id} could not be reached` })
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Catalog ${input.catalog_id} could not be reached: ${String(error)}`)
  }
})

/** Turns on the cart and the catalog in WhatsApp for this number (Meta's commerce settings). */
export const setCommerceSettingsStep = createStep(
  "set-whatsapp-commerce-settings",
  async (input: ConnectCatalogInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
    const client = await whatsapp.graphClientFor(input.account_id)
    const previous = (await client.getCommerceSettings(account.phone_number_id)).data?.[0] ?? null
    const settings = { is_cart_enabled: input.is_cart_enabled ?? true, is_catalog_visible: input.is_catalog_visible ?? true }
    await client.updateCommerceSettings(account.phone_number_id, settings)
    return new StepResponse(settings, { accountId: account.id, phoneNumberId: account.phone_number_id, previous })
  },
  async (undo, { container }) => {
    if (!undo?.previous) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const client = await whatsapp.graphClientFor(undo.accountId)
    await client.updateCommerceSettings(undo.phoneNumberId, undo.previous)
  }
)
