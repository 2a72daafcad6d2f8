import { AbstractNotificationProviderService, ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { chooseNotificationMessage, whatsAppNotificationDataSchema } from "../../lib/notifications/notification-data"
import { outboundPreview } from "../../lib/outbound/limits"
import type { SqlRunner } from "../../modules/whatsapp/sql/ingest"
import { queueOutboundMessage } from "../../modules/whatsapp/sql/outbound"
import { findNotificationConversation } from "./find-conversation"

type Deps = {
  logger: Logger
  [ContainerRegistrationKeys.PG_CONNECTION]: { raw(sql: string, bindings: unknown[]): Promise<{ rows: any[] }> }
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
  protected readonly sql_: SqlRunner
  protected readonly eventBus_: Deps[typeof Modules.EVENT_BUS]

  constructor(deps: Deps) {
    super()
    const pg = deps[ContainerRegistrationKeys.PG_CONNECTION]
    // The notification module's container has no access to the WhatsApp
    // module; both live in the same database, so the message row is written here.
    this.sql_ = { execute: async (sql, params = []) => (await pg.raw(sql, params as unknown[])).rows }
    this.eventBus_ = deps[Modules.EVENT_BUS]
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const parsed = whatsAppNotificationDataSchema.safeParse(notification.data ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `WhatsApp notification: ${issues}`)
    }
    const conversation = await findNotificationConversation(this.sql_, notification.to, parsed.data)
    const choice = chooseNotificationMessage(parsed.data, conversation)
    if (!choice.ok) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, choice.error)
    }
    const sent = notification as ProviderSendNotificationDTO & { id?: string; idempotency_key?: string | null }
    const queued = await queueOutboundMessage(this.sql_, {
      conversationId: conversation.id,
      type: choice.message.type,
      text: outboundPreview(choice.message),
      payload: choice.message,
      idempotencyKey: `notification:${sent.idempotency_key ?? sent.id ?? crypto.randomUUID()}`,
    })
    if (queued.created) {
      await this.eventBus_.emit({ name: "whatsapp.message.queued", data: { id: queued.id } })
    }
    return { id: queued.id }
  }
}
