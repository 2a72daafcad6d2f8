import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import { PRODUCT_CHANGE_EVENTS } from "../lib/product-events"
import { indexTerms } from "../lib/search/normalize"

/**
 * Discovery search index: one document per published product, with the
 * normalized terms of its title, options, variants, collection, categories,
 * tags and description, with the es/pt/en vocabulary concepts they name (see
 * lib/search/normalize and lib/search/vocabulary), and its variants' options so a match
 * can pick the variant ("camiseta roja M"). Kept current by Medusa's Search
 * module from product and variant events.
 */
export const WHATSAPP_PRODUCT_INDEX = "whatsapp_product"

const fields = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 2 }),
  terms: search.text().searchable(),
  handle: search.keyword().retrievable(),
  sales_channel_ids: search.keyword().array().filterable(),
  extra: search.keyword().array().retrievable(),
  description: search.keyword().retrievable(),
  variants: search
    .object({
      id: search.keyword(),
      title: search.keyword(),
      options: search.keyword().array(),
    })
    .array()
    .retrievable(),
})

const GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "sales_channels.id",
  "collection.title",
  "categories.name",
  "tags.value",
  "variants.id",
  "variants.title",
  "variants.variant_rank",
  "variants.options.value",
]

export type ProductRow = {
  id: string
  title: string
  subtitle?: string | null
  description?: string | null
  handle: string
  status: string
  sales_channels?: { id: string }[]
  collection?: { title: string } | null
  categories?: { name: string }[]
  tags?: { value: string }[]
  variants?: { id: string; title: string | null; variant_rank?: number | null; options?: { value: string }[] }[]
}

/** Unpublished products are left out, so the consume step deletes them from the index. */
export function toDocuments(rows: ProductRow[]) {
  return rows
    .filter((p) => p.status === "published")
    .map((p) => {
      // The description stays apart: ranking weighs it least (lib/search/rank FIELD_WEIGHTS).
      const extra = [p.subtitle, p.collection?.title, ...(p.categories ?? []).map((c) => c.name), ...(p.tags ?? []).map((t) => t.value)]
        .filter((v): v is string => !!v)
      const variants = [...(p.variants ?? [])]
        .sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))
        .map((v) => ({ id: v.id, title: v.title ?? "", options: (v.options ?? []).map((o) => o.value) }))
      return {
        id: p.id,
        title: p.title,
        // Words and the vocabulary concepts they name ("Vaqueros" → also "zzjeans"), see lib/search/vocabulary.
        terms: indexTerms(p.title, ...extra, p.description, ...variants.flatMap((v) => [v.title, ...v.options])).join(" "),
        handle: p.handle,
        sales_channel_ids: (p.sales_channels ?? []).map((s) => s.id),
        extra,
        description: p.description ?? "",
        variants,
      }
    })
}

export default defineSearchIndex({
  name: WHATSAPP_PRODUCT_INDEX,
  entity: "product",
  fields,
  events: [...PRODUCT_CHANGE_EVENTS],
  consume: graphConsume({
    fields: GRAPH_FIELDS,
    transform: (rows: ProductRow[]) => toDocuments(rows) as any,
    is_delete: (event) => event.name === "product.deleted",
    resolve_ids: async (event, { container }) => {
      const ids = ([] as { id?: string; product_id?: string }[]).concat(event.data ?? [])
      if (!event.name.startsWith("product-variant.")) {
        return ids.map((d) => d.id).filter((id): id is string => !!id)
      }
      // Variant events carry the variant id: index its product again.
      const known = ids.map((d) => d.product_id).filter((id): id is string => !!id)
      const variantIds = ids.filter((d) => !d.product_id && d.id).map((d) => d.id!)
      if (!variantIds.length) return known
      const { data } = await container.query.graph(
        { entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds }, withDeleted: true } as any
      )
      return [...new Set([...known, ...data.map((v: { product_id: string }) => v.product_id)])]
    },
  }),
  seed: graphSeed({ fields: GRAPH_FIELDS, batch_size: 500, transform: (rows: ProductRow[]) => toDocuments(rows) as any }),
})
