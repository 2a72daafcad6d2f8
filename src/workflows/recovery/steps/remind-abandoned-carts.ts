import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveAccountSettings } from "../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { DueCart } from "../../../modules/whatsapp/types"
import { remindBatch } from "./remind-batch"
import { describeError } from "../../../lib/safe-error"

export type RemindAbandonedCartsInput = {
  /** The clock: defaults to now; tests and back-fills pass their own. */
  now?: string | Date
  batch_size?: number
}

export type AbandonedCart = {
  whatsapp_cart_id: string
  cart_id: string
  account_id: string
  conversation_id: string
  /** The recovery step (1–3) this outcome is for. */
  step: number
  reminded: boolean
  channel: "interactive" | "template" | null
  message_id: string | null
  skipped_reason: string | null
  /** The Medusa promotion code the step applied to the cart, if it offered one. */
  promotion_code: string | null
}

export type RemindAbandonedCartsResult = {
  abandoned: AbandonedCart[]
  queued_message_ids: string[]
  /** Carts Medusa completed although their order was never recorded here (a lost `order.placed`). */
  completed_cart_ids: string[]
}

const DEFAULT_BATCH = 200

/**
 * Finds every cart unpaid past its account's next recovery step and gives
 * each exactly one outcome per step, a batch per transaction (see remind-batch). One
 * account's failure (a deadlock, a bad cart) is logged and does not stop the
 * others; batches already committed keep their results and events.
 */
export const remindAbandonedWhatsAppCartsStep = createStep(
  "remind-abandoned-whatsapp-carts",
  async (input: RemindAbandonedCartsInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const now = input.now ? new Date(input.now) : new Date()
    const batchSize = input.batch_size ?? DEFAULT_BATCH
    const result: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }

    const accounts = await whatsapp.listWhatsappAccounts({}, { select: ["id", "language", "name", "settings"] })
    for (const account of accounts) {
      const settings = resolveAccountSettings(account.settings)
      if (!settings.recovery_enabled) continue
      const context = { container, account: { id: account.id, language: account.language, name: account.name ?? null }, settings, now, batchSize }
      try {
        let after: DueCart | null = null
        for (;;) {
          const batch = await remindBatch(context, after)
          result.abandoned.push(...batch.done.abandoned)
          result.queued_message_ids.push(...batch.done.queued_message_ids)
          result.completed_cart_ids.push(...batch.done.completed_cart_ids)
          if (batch.due.length < batchSize) break
          after = batch.due[batch.due.length - 1]
        }
      } catch (error) {
        logger.error(`whatsapp: cart recovery for account ${account.id} stopped: ${describeError(error)}`)
      }
    }
    return new StepResponse(result)
  }
)
