import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { randomUUID } from "node:crypto"
import { WhatsAppEvents } from "../../../events"
import { RemindAbandonedCartsInput, remindAbandonedWhatsAppCartsStep } from "../steps/remind-abandoned-carts"
import { findUnrecordedWhatsAppOrdersStep } from "../steps/find-unrecorded-whatsapp-orders"
import { releaseRecoveryLockStep, tryRecoveryLockStep } from "../steps/try-recovery-lock"

export type RecoverAbandonedWhatsAppCartsInput = RemindAbandonedCartsInput

/**
 * The abandoned-cart job: every WhatsApp cart still unpaid when one of its
 * account's recovery steps falls due gets that step's reminder (interactive
 * inside the 24-hour window, the approved template outside it, a discount
 * code applied first when the step has one) or a recorded reason for none,
 * and `whatsapp.cart.abandoned` with the step. One run at a time;
 * `input.now` is the clock.
 */
export const recoverAbandonedWhatsAppCartsWorkflow = createWorkflow(
  "recover-abandoned-whatsapp-carts",
  (input: RecoverAbandonedWhatsAppCartsInput) => {
    const owner = transform({ input }, () => `recovery-${randomUUID()}`)
    const lock = tryRecoveryLockStep({ owner })

    const reminded = when("whatsapp-recovery-lock-acquired", { lock }, ({ lock }) => lock.acquired).then(() => {
      const result = remindAbandonedWhatsAppCartsStep(input)
      emitEventStep({
        eventName: WhatsAppEvents.CART_ABANDONED,
        data: transform({ result }, ({ result }) => result.abandoned),
      }).config({ name: "emit-whatsapp-carts-abandoned" })
      emitEventStep({
        eventName: WhatsAppEvents.MESSAGE_QUEUED,
        data: transform({ result }, ({ result }) => result.queued_message_ids.map((id) => ({ id }))),
      }).config({ name: "emit-whatsapp-reminders-queued" })
      const unrecorded = findUnrecordedWhatsAppOrdersStep(transform({ result }, ({ result }) => ({ cart_ids: result.completed_cart_ids })))
      return transform({ result, unrecorded }, ({ result, unrecorded }) => ({ ...result, unrecorded_order_ids: unrecorded }))
    })

    releaseRecoveryLockStep(lock)

    return new WorkflowResponse(
      transform({ lock, reminded }, ({ lock, reminded }) => ({
        ran: lock.acquired,
        abandoned: reminded?.abandoned ?? [],
        reminded: (reminded?.abandoned ?? []).filter((a) => a.reminded).length,
        skipped: (reminded?.abandoned ?? []).filter((a) => !a.reminded).length,
        /** Orders of completed carts never recorded: the job records each (recordWhatsAppOrderWorkflow). */
        unrecorded_order_ids: reminded?.unrecorded_order_ids ?? [],
      }))
    )
  }
)
