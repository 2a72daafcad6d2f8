import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mergeAccountSettings } from "../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppAccountUpdate } from "../types"

export const updateWhatsAppAccountStep = createStep(
  "update-whatsapp-account",
  async ({ id, ...update }: WhatsAppAccountUpdate, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const previous = await whatsapp.retrieveWhatsappAccount(id)
    const settings = update.settings ? mergeAccountSettings(previous.settings, update.settings) : undefined
    await whatsapp.updateWhatsappAccounts({
      id,
      ...whatsapp.sealSecrets(update),
      ...(settings ? { settings } : {}),
    } as any)
    return new StepResponse({ id }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const { conversations: _ignored, created_at, updated_at, deleted_at, ...restorable } =
      previous as any
    await whatsapp.updateWhatsappAccounts(restorable)
  }
)
