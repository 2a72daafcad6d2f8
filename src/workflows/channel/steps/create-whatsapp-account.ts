import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppAccountInput } from "../types"

export const createWhatsAppAccountStep = createStep(
  "create-whatsapp-account",
  async (input: WhatsAppAccountInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const account = await whatsapp.createWhatsappAccounts(whatsapp.sealSecrets(input) as any)
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
