import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { WHATSAPP_PRODUCT_INDEX } from "../search/whatsapp-product"

type SearchModule = {
  listIndexes(): Promise<{ name: string; status: string }[]>
  reindex(input: { index: string }): Promise<unknown>
}

/**
 * Makes the discovery search index live right after `db:migrate` creates it.
 *
 * Medusa's Search module leaves a new index without an active version until
 * the first `medusa start` seeds it, and rejects every product event in
 * between ("Search index … has no active version yet", with a stack trace per
 * event). A store seeded by a script before its first start (Medusa's own
 * starter does that) would log one error per product and variant. Building
 * the index here (from whatever products exist, usually none) gives it an
 * active version at once, so those events are indexed as they happen.
 * Medusa runs a migration script once per database.
 */
export default async function activateDiscoveryIndex({ container }: { container: MedusaContainer }) {
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as SearchModule | undefined
  if (!search) return
  const index = (await search.listIndexes()).find((i) => i.name === WHATSAPP_PRODUCT_INDEX)
  if (!index || index.status === "ready") return
  await search.reindex({ index: WHATSAPP_PRODUCT_INDEX })
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`whatsapp: discovery search index "${WHATSAPP_PRODUCT_INDEX}" built and active`)
}
