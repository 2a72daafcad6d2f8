import type { SupportedLanguage } from "../account-settings"
import { catalogBody, productListBody, productListHeader } from "../product-texts"
import { clip } from "../chat-format"
import type { InteractiveMessage, ProductListSection } from "../graph-api/types"
import { LIMITS } from "../outbound/limits"

export type ProductMessageItem = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string
  /** The catalog item's `retailer_id` (what Meta knows the variant by). */
  retailer_id: string
}

export type ProductMessagesInput = {
  catalogId: string
  language: SupportedLanguage
  /** Only variants already synced to the catalog, in the order to show them. */
  items: ProductMessageItem[]
  header?: string
  body?: string
  footer?: string
}

type Section = { title: string; ids: string[] }

/** Variants grouped by product, products in order of first appearance, duplicates dropped. */
function groupByProduct(items: ProductMessageItem[], fallbackTitle: string): Section[] {
  const groups = new Map<string, Section>()
  const seen = new Set<string>()
  for (const item of items) {
    if (!item.retailer_id || seen.has(item.retailer_id)) {
      continue
    }
    seen.add(item.retailer_id)
    let group = groups.get(item.product_id)
    if (!group) {
      const title = (item.product_title ?? "").replace(/\s+/g, " ").trim() || fallbackTitle
      group = { title: clip(title, LIMITS.sectionTitle), ids: [] }
      groups.set(item.product_id, group)
    }
    group.ids.push(item.retailer_id)
  }
  return [...groups.values()]
}

/**
 * Greedy packing by product: a product that does not fit in the open message
 * starts the next one, so it is shown whole. Only a product with more
 * variants than a message holds is split, its section repeated with the same
 * title in the following messages.
 */
function pack(products: Section[]): Section[][] {
  const messages: Section[][] = []
  let current: Section[] = []
  let count = 0
  const close = () => {
    if (current.length) {
      messages.push(current)
    }
    current = []
    count = 0
  }
  for (const product of products) {
    const n = product.ids.length
    if (current.length + 1 > LIMITS.productListSections || count + n > LIMITS.productListItems) {
      close()
    }
    for (let start = 0; start < n; start += LIMITS.productListItems) {
      if (start > 0) {
        close()
      }
      const ids = product.ids.slice(start, start + LIMITS.productListItems)
      current.push({ title: product.title, ids })
      count += ids.length
    }
  }
  close()
  return messages
}

/** Header with " (2/3)" kept inside the 60-character limit by shortening the text, not the counter. */
function numberedHeader(header: string, index: number, total: number): string {
  if (total <= 1) {
    return clip(header, LIMITS.headerText)
  }
  const suffix = ` (${index + 1}/${total})`
  return `${clip(header, LIMITS.headerText - suffix.length)}${suffix}`
}

/**
 * Interactive messages showing `items`: one `product` message for a single
 * variant, otherwise `product_list` messages with one section per product,
 * split to respect Meta's 30-item / 10-section limits.
 */
export function buildProductMessages(input: ProductMessagesInput): InteractiveMessage[] {
  const { catalogId, language } = input
  const header = (input.header ?? "").trim() || productListHeader(language)
  const products = groupByProduct(input.items, header)
  const variants = products.reduce((sum, p) => sum + p.ids.length, 0)
  const body = input.body?.trim() ? clip(input.body.trim(), LIMITS.interactiveBody) : undefined
  const footer = input.footer?.trim() ? clip(input.footer.trim(), LIMITS.footer) : undefined

  if (variants === 0) {
    return []
  }
  if (variants === 1) {
    return [
      {
        type: "interactive",
        interactive: {
          type: "product",
          ...(body ? { body: { text: body } } : {}),
          ...(footer ? { footer: { text: footer } } : {}),
          action: { catalog_id: catalogId, product_retailer_id: products[0].ids[0] },
        },
      },
    ]
  }

  const pages = pack(products)
  // A product list cannot go without a body.
  const listBody = body ?? productListBody(language)
  return pages.map((sections, index) => ({
    type: "interactive",
    interactive: {
      type: "product_list",
      header: { type: "text", text: numberedHeader(header, index, pages.length) },
      body: { text: listBody },
      ...(footer ? { footer: { text: footer } } : {}),
      action: {
        catalog_id: catalogId,
        sections: sections.map(
          (s): ProductListSection => ({
            title: s.title,
            product_items: s.ids.map((id) => ({ product_retailer_id: id })),
          })
        ),
      },
    },
  }))
}

export type CatalogMessageInput = {
  language: SupportedLanguage
  body?: string
  footer?: string
  /** Catalog item shown as the thumbnail; Meta picks the first item when omitted. */
  thumbnailRetailerId?: string
}

/** The "View catalog" message that opens the whole WhatsApp catalog. */
export function catalogMessage(input: CatalogMessageInput): InteractiveMessage {
  const body = input.body?.trim() ? clip(input.body.trim(), LIMITS.interactiveBody) : catalogBody(input.language)
  const footer = input.footer?.trim() ? clip(input.footer.trim(), LIMITS.footer) : undefined
  const thumbnail = input.thumbnailRetailerId
  return {
    type: "interactive",
    interactive: {
      type: "catalog_message",
      body: { text: body },
      ...(footer ? { footer: { text: footer } } : {}),
      action: {
        name: "catalog_message",
        ...(thumbnail ? { parameters: { thumbnail_product_retailer_id: thumbnail } } : {}),
      },
    },
  }
}
