/** A merchant synonym group for discovery search (GET/POST /admin/whatsapp/search/synonyms). */
export type AdminWhatsAppSearchSynonym = {
  id: string
  /** two_way: every term finds the others; one_way: `source` also finds `terms`. */
  mode: "two_way" | "one_way"
  source: string | null
  terms: string[]
  created_at: string
  updated_at: string
}

export type AdminWhatsAppSearchSynonymListResponse = { synonyms: AdminWhatsAppSearchSynonym[] }
export type AdminWhatsAppSearchSynonymResponse = { synonym: AdminWhatsAppSearchSynonym }
export type AdminWhatsAppSearchSynonymDeleteResponse = { id: string; object: "whatsapp_search_synonym"; deleted: true }
