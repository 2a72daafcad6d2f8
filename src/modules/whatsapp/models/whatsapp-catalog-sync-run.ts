import { model } from "@medusajs/framework/utils"

/** One run of the catalog sync, for the admin's history and its figures. */
export const WhatsappCatalogSyncRun = model.define("whatsapp_catalog_sync_run", {
  id: model.id({ prefix: "wasync" }).primaryKey(),
  account_id: model.text(),
  catalog_id: model.text(),
  trigger: model.enum(["manual", "incremental", "scheduled"]).default("manual"),
  status: model.enum(["running", "completed", "failed"]).default("running"),
  stats: model.json().default({}),
  error: model.text().nullable(),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
})
