import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_ACCOUNT_SETTINGS, mergeAccountSettings } from "../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppAccountInput } from "../types"

export const createWhatsAppAccountStep = createStep(
  "create-whatsapp-account",
  async (input: WhatsAppAccountInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    // Settings are stored whole: a partial order_updates switch set is completed with the defaults.
    const settings = input.settings ? mergeAccountSettings(DEFAULT_ACCOUNT_SETTINGS, input.settings) : undefined
    const account = await whatsapp.createWhatsappAccounts(whatsapp.sealSecrets({ ...input, ...(settings ? { settings } : {}) }) as any)
    return new StepResponse({ id: account.id }, account.id)
  },
  async (accountId, { container }) => {
    if (!accountId) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.deleteWhatsappAccounts(accountId)
  }
)
