import { AbstractNotificationProviderService, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { whatsAppNotificationDataSchema } from "../../lib/notifications/notification-data"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { queueWhatsAppNotification } from "./queue-notification"

type Deps = {
  logger: Logger
  [Modules.EVENT_BUS]: { emit(message: { name: string; data: unknown }): Promise<void> }
}

/**
 * Medusa's notification channel `whatsapp`. A notification becomes a queued
 * WhatsApp message (text inside the 24-hour window, the given template
 * outside it) that the plugin's dispatcher paces, retries and shows in the
 * inbox. `to` is the customer's number; `data` is described by
 * `whatsAppNotificationDataSchema`. Anything that cannot be sent fails the
 * notification with the reason, which Medusa stores on it.
 */
export class WhatsAppNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "whatsapp"
  protected readonly eventBus_: Deps[typeof Modules.EVENT_BUS]

  constructor(deps: Deps) {
    super()
    this.eventBus_ = deps[Modules.EVENT_BUS]
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const parsed = whatsAppNotificationDataSchema.safeParse(notification.data ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `WhatsApp notification: ${issues}`)
    }
    const sent = notification as ProviderSendNotificationDTO & { id?: string; idempotency_key?: string | null }
    return queueWhatsAppNotification(
      { whatsapp: whatsAppModule(), eventBus: this.eventBus_ },
      { to: notification.to, data: parsed.data, idempotencyKey: sent.idempotency_key ?? sent.id ?? crypto.randomUUID() }
    )
  }
}

/**
 * The WhatsApp module's service. A provider's container holds only its own
 * module's dependencies, so it is found in Medusa's module registry, at send
 * time (modules load in any order).
 */
function whatsAppModule(): WhatsAppModuleService {
  const service = (MedusaModule.getModuleInstance(WHATSAPP_MODULE) as Record<string, WhatsAppModuleService> | undefined)?.[WHATSAPP_MODULE]
  if (!service) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "WhatsApp notification: the WhatsApp module is not loaded (add the plugin)")
  }
  return service
}
