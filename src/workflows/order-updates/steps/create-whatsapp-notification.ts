import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Hands the update to Medusa's notification module (channel `whatsapp`),
 * which stores it and calls the plugin's provider. A refusal (closed window
 * and no template, opted-out customer, provider not registered) is stored
 * on the notification as a failure and logged; it never undoes the order.
 */
export const createWhatsAppNotificationStep = createStep(
  "create-whatsapp-notification",
  async (notification: CreateNotificationDTO | null, { container }) => {
    if (!notification) return new StepResponse({ notification_id: null as string | null, error: null as string | null })
    const notifications = container.resolve(Modules.NOTIFICATION)
    try {
      const [created] = await notifications.createNotifications([notification])
      return new StepResponse({ notification_id: created?.id ?? null, error: null })
    } catch (error) {
      const message = (error as Error).message
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`whatsapp: ${notification.template} for ${notification.resource_id} not sent: ${message}`)
      return new StepResponse({ notification_id: null, error: message })
    }
  }
)
