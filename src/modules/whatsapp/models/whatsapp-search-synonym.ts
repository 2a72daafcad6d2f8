import { model } from "@medusajs/framework/utils"

/**
 * A merchant's synonym group for discovery search, store-wide. `two_way`:
 * every term finds the others. `one_way`: a message with `source` also finds
 * products that say one of `terms` ("x also finds y"), not the reverse.
 * Read by search at query time (lib/search/synonyms), so a change applies
 * without re-indexing or a restart.
 */
export const WhatsappSearchSynonym = model
  .define("whatsapp_search_synonym", {
    id: model.id({ prefix: "wasyn" }).primaryKey(),
    mode: model.enum(["two_way", "one_way"]).default("two_way"),
    source: model.text().nullable(),
    terms: model.json(),
  })
