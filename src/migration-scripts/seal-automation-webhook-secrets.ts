import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

/**
 * Seals the signing secrets of webhook actions saved in clear before secrets
 * were sealed at rest. Medusa runs a migration script once per database; a
 * rule it misses still signs (the action opens only sealed secrets) and is
 * sealed on its next save.
 */
export default async function sealAutomationWebhookSecrets({ container }: { container: MedusaContainer }) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const count = await whatsapp.sealClearAutomationSecrets()
  if (count) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`whatsapp: sealed the webhook secrets of ${count} automation rule(s)`)
  }
}
