import { model } from "@medusajs/framework/utils"

/**
 * A merchant's automation: "when ‹trigger› [if ‹conditions›] → [wait] →
 * ‹actions›" (see src/types/http/automations.ts for the shapes). Trigger,
 * conditions and actions are stored as JSON: they are read whole, never
 * queried by their parts except the trigger type, kept in its own column.
 */
export const WhatsappAutomationRule = model
  .define("whatsapp_automation_rule", {
    id: model.id({ prefix: "waauto" }).primaryKey(),
    name: model.text(),
    enabled: model.boolean().default(true),
    account_id: model.text().nullable(),
    /** Higher first; decides which of several matching keyword rules answers a text. */
    priority: model.number().default(0),
    trigger_type: model.text(),
    trigger: model.json(),
    conditions: model.json(),
    delay_minutes: model.number().default(0),
    actions: model.json(),
  })
  .indexes([{ on: ["trigger_type", "enabled"] }])
