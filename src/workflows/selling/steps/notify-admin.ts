import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { describeError } from "../../../lib/safe-error"

/** `to`: one admin user (Medusa user id), e.g. a conversation's assignee; empty = every admin. */
export type AdminNotice = { title: string; description: string; resource_type?: string; resource_id?: string; to?: string } | null

/**
 * Adds an entry to the admin's notification feed (Medusa's `feed` channel).
 * A store without a feed provider loses only the notice, never the cart.
 */
export const notifyAdminStep = createStep("notify-whatsapp-admin", async (notice: AdminNotice, { container }) => {
  if (!notice) return new StepResponse(null)
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const [created] = await notifications.createNotifications([
      {
        to: notice.to ?? "",
        channel: "feed",
        template: "admin-ui",
        resource_type: notice.resource_type,
        resource_id: notice.resource_id,
        data: { title: notice.title, description: notice.description },
      },
    ])
    return new StepResponse(created?.id ?? null)
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`whatsapp: admin notification not added (${describeError(error)})`)
    return new StepResponse(null)
  }
})
