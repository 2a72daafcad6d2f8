import { model } from "@medusajs/framework/utils"
import { WhatsappAccount } from "./whatsapp-account"

/**
 * An account-level webhook as received (`account_update`,
 * `phone_number_quality_update`, `account_review_update`, template status
 * and quality updates): the raw change and a one-line summary, shown in the
 * connection check.
 */
export const WhatsappAccountEvent = model
  .define("whatsapp_account_event", {
    id: model.id({ prefix: "waaev" }).primaryKey(),
    account: model.belongsTo(() => WhatsappAccount, { mappedBy: "events" }),
    field: model.text(),
    event: model.text().nullable(),
    summary: model.text(),
    payload: model.json(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["account_id", "occurred_at"], where: "deleted_at IS NULL" }])
