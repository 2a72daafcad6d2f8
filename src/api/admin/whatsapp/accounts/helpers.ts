import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { resolveAccountSettings } from "../../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppAccount } from "../../../../types/http"
import { accountFields } from "./query-config"

/** Reads accounts back through Query; secrets leave only as masks. */
export async function queryAccounts(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  pagination?: { skip: number; take: number }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_account",
    fields: accountFields,
    filters,
    pagination: { ...pagination, order: { created_at: "ASC" } },
  })
  const accounts: AdminWhatsAppAccount[] = data.map((account: any) => ({
    ...account,
    access_token: whatsapp.maskStoredSecret(account.access_token),
    app_secret: whatsapp.maskStoredSecret(account.app_secret),
    settings: resolveAccountSettings(account.settings),
  }))
  return { accounts, metadata }
}

export async function retrieveAccount(container: MedusaContainer, id: string) {
  const { accounts } = await queryAccounts(container, { id })
  if (!accounts.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${id} was not found`)
  }
  return accounts[0]
}
