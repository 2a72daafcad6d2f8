import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

/**
 * Upgrades account secrets sealed with the raw `encryptionKey` (v1) to the
 * key derived for secrets alone (v2; lib/derived-keys). Medusa runs a
 * migration script once per database; values it misses still open.
 */
export default async function resealAccountSecrets({ container }: { container: MedusaContainer }) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const count = await whatsapp.resealLegacySecrets()
  if (count) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`whatsapp: re-sealed the secrets of ${count} account(s) with a derived key`)
  }
}
