import { createHash } from "node:crypto"

/** The product fields an embedding is made from (a subset of the search index's graph read). */
export type EmbeddableProduct = {
  title: string
  subtitle?: string | null
  description?: string | null
  collection?: { title: string } | null
  categories?: { name: string }[] | null
  tags?: { value: string }[] | null
  variants?: { title?: string | null; options?: { value: string }[] | null }[] | null
}

/** Descriptions are cut here: the start says what the product is, the rest costs tokens. */
const DESCRIPTION_CHARS = 600

/**
 * The one text embedded for a product: what a shopper could describe it by
 * (title first, then kind, collection, tags, option values, the start of the
 * description). Stable for unchanged data, so its hash tells when to embed again.
 */
export function productEmbeddingText(product: EmbeddableProduct): string {
  const optionValues = new Set<string>()
  for (const variant of product.variants ?? []) {
    for (const option of variant.options ?? []) if (option.value?.trim()) optionValues.add(option.value.trim())
  }
  const description = (product.description ?? "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, DESCRIPTION_CHARS)
  return [
    product.title,
    product.subtitle,
    (product.categories ?? []).map((c) => c.name).sort().join(", "),
    product.collection?.title,
    (product.tags ?? []).map((t) => t.value).sort().join(", "),
    [...optionValues].sort().join(", "),
    description,
  ]
    .map((part) => (part ?? "").trim())
    .filter(Boolean)
    .join(". ")
}

/** Hash of the embedded text and the model: a product is embedded again only when it changes. */
export function embeddingTextHash(text: string, model: string): string {
  return createHash("sha256").update(model).update("\u0000").update(text).digest("hex").slice(0, 32)
}
