import type { MedusaContainer } from "@medusajs/framework/types"
import { buildSynonyms, SearchSynonyms } from "../../lib/search/synonyms"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"

/**
 * The merchant's synonym groups as search reads them, cached briefly: every
 * typed message searches, and groups change rarely. Changes made through this
 * instance invalidate the cache at once; other instances pick them up when
 * their copy expires.
 */
const TTL_MS = 30_000
let cached: { at: number; synonyms: SearchSynonyms | null } | null = null
let generation = 0

export async function loadSearchSynonyms(container: MedusaContainer): Promise<SearchSynonyms | null> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.synonyms
  const started = generation
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const groups = await whatsapp.listSearchSynonymGroups()
  const synonyms = groups.length ? buildSynonyms(groups, `${Date.now()}-${started}`) : null
  // A change that landed while reading leaves the cache empty, so the next message reads again.
  if (started === generation) cached = { at: Date.now(), synonyms }
  return synonyms
}

/** Called after a group is created, changed or removed. */
export function invalidateSearchSynonyms() {
  generation++
  cached = null
}
