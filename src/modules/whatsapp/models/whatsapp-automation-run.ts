import { model } from "@medusajs/framework/utils"

/**
 * One rule run for one triggering event, and a work-queue item at once
 * (kind `automation_run`): unique on (rule_id, trigger_key), so a replayed
 * event never makes a second run. `results` keeps each action's outcome so
 * a run taken up again after a crash or a retry skips actions already done.
 */
export const WhatsappAutomationRun = model
  .define("whatsapp_automation_run", {
    id: model.id({ prefix: "waarun" }).primaryKey(),
    rule_id: model.text(),
    trigger_type: model.text(),
    trigger_key: model.text(),
    account_id: model.text().nullable(),
    conversation_id: model.text().nullable(),
    event: model.json(),
    status: model.enum(["waiting", "running", "succeeded", "partial", "failed", "skipped"]).default("waiting"),
    due_at: model.dateTime(),
    attempts: model.number().default(0),
    locked_until: model.dateTime().nullable(),
    results: model.json(),
    error: model.text().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["rule_id", "trigger_key"], unique: true },
    { on: ["rule_id", "created_at"] },
  ])
