import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createWhatsAppAccountWorkflow,
  deleteWhatsAppAccountWorkflow,
  updateWhatsAppAccountWorkflow,
} from "medusa-plugin-whatsapp-commerce/workflows"

/** Values the sandbox accepts; real ones come from the environment. */
export const SANDBOX_ACCOUNT = {
  waba_id: "100000000000001",
  phone_number_id: "100000000000002",
  access_token: "sandbox-access-token",
  catalog_id: "100000000000003",
  display_phone_number: "+1 555 010 0000",
}

/**
 * Creates or updates the demo's WhatsApp account from WHATSAPP_* variables,
 * attached to the demo's Europe region and WhatsApp sales channel.
 */
export async function upsertWhatsAppAccountFromEnv(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const env = process.env
  const phoneNumberId = env.WHATSAPP_PHONE_NUMBER_ID ?? SANDBOX_ACCOUNT.phone_number_id

  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "eur" } })
  const {
    data: [channel],
  } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "WhatsApp" } })
  const {
    data: [existing],
  } = await query.graph({
    entity: "whatsapp_account",
    fields: ["id"],
    filters: { phone_number_id: phoneNumberId },
  })

  const fields = {
    name: "Demo Moda",
    waba_id: env.WHATSAPP_WABA_ID ?? SANDBOX_ACCOUNT.waba_id,
    phone_number_id: phoneNumberId,
    display_phone_number: env.WHATSAPP_DISPLAY_PHONE_NUMBER ?? SANDBOX_ACCOUNT.display_phone_number,
    access_token: env.WHATSAPP_ACCESS_TOKEN ?? SANDBOX_ACCOUNT.access_token,
    catalog_id: env.WHATSAPP_CATALOG_ID ?? SANDBOX_ACCOUNT.catalog_id,
    app_secret: env.WHATSAPP_APP_SECRET ?? null,
  }
  if (existing) {
    await updateWhatsAppAccountWorkflow(container).run({ input: { id: existing.id, ...fields } })
    logger.info(`demo: WhatsApp account ${existing.id} updated from the environment`)
  } else {
    // The sandbox has these two templates; a real WABA's are picked in the admin.
    const sandboxSettings = env.WHATSAPP_ACCESS_TOKEN
      ? {}
      : {
          recovery_delay_minutes: Number(env.DEMO_RECOVERY_DELAY_MINUTES ?? 5),
          recovery_template: { name: "cart_reminder", language: "es", category: "MARKETING" as const },
          order_update_template: { name: "order_update", language: "es", category: "UTILITY" as const },
        }
    const { result } = await createWhatsAppAccountWorkflow(container).run({
      input: { ...fields, language: "es", region_id: region?.id, sales_channel_id: channel?.id, settings: sandboxSettings },
    })
    logger.info(`demo: WhatsApp account ${result.id} created`)
  }
}

/** Removes every WhatsApp account (the demo's --fresh-onboarding), as the admin's delete does. */
export async function removeWhatsAppAccounts(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "whatsapp_account", fields: ["id"] })
  for (const account of data) {
    await deleteWhatsAppAccountWorkflow(container).run({ input: { id: account.id } })
  }
}
