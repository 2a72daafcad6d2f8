import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { WhatsAppNotificationData } from "../../../lib/notifications/notification-data"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { queueWhatsAppNotification } from "../../../providers/notification-whatsapp/queue-notification"
import { describeError } from "../../../lib/safe-error"

const NO_PROVIDER = /notification provider for channel: whatsapp/i

/**
 * Hands the update to Medusa's notification module (channel `whatsapp`),
 * which stores it and calls the plugin's provider. A refusal (closed window
 * and no template, opted-out customer) is stored on the notification as a
 * failure and logged; it never undoes the order. An app that has not
 * registered the provider yet still gets its updates, queued directly, with
 * a warning saying what to add to medusa-config.
 */
export const createWhatsAppNotificationStep = createStep(
  "create-whatsapp-notification",
  async (notification: CreateNotificationDTO | null, { container }) => {
    if (!notification) return new StepResponse({ notification_id: null as string | null, message_id: null as string | null, error: null as string | null })
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    try {
      const [created] = await container.resolve(Modules.NOTIFICATION).createNotifications([notification])
      return new StepResponse({ notification_id: created?.id ?? null, message_id: null, error: null })
    } catch (error) {
      if (NO_PROVIDER.test((error as Error)?.message ?? "")) {
        logger.warn(
          "whatsapp: the `whatsapp` notification provider is not registered (see the README's set-up); order updates are queued directly"
        )
        return new StepResponse(await queueDirectly(container, notification))
      }
      const message = describeError(error)
      logger.warn(`whatsapp: ${notification.template} for ${notification.resource_id} not sent: ${message}`)
      return new StepResponse({ notification_id: null, message_id: null, error: message })
    }
  }
)

async function queueDirectly(container: any, notification: CreateNotificationDTO) {
  try {
    const { id } = await queueWhatsAppNotification(
      { whatsapp: container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService, eventBus: container.resolve(Modules.EVENT_BUS) },
      { to: notification.to, data: notification.data as WhatsAppNotificationData, idempotencyKey: notification.idempotency_key ?? crypto.randomUUID() }
    )
    return { notification_id: null, message_id: id, error: null }
  } catch (error) {
    // A refusal's reason is ours to show; anything else only by kind and code.
    return { notification_id: null, message_id: null, error: MedusaError.isMedusaError(error) ? (error as Error).message : describeError(error) }
  }
}
