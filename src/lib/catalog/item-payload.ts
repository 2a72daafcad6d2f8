import { createHash } from "node:crypto"

/**
 * Meta catalog item fields (items_batch `data`, PRODUCT_ITEM) the plugin fills,
 * checked against Meta's field reference: items_batch takes the feed names
 * (`title`, `link`, `image_link`, `additional_image_link`, `item_group_id`,
 * `price` as "<amount> <ISO 4217>"), not /batch's older ones (`name`, `url`,
 * `image_url`, `retailer_product_group_id`).
 * https://developers.facebook.com/docs/marketing-api/catalog-batch/reference
 * https://developers.facebook.com/docs/commerce-platform/catalog/batch-api/ ("Supported Fields")
 * `availability` and `condition` use values from Meta's enums (ProductItem
 * reference: availability in stock | out of stock | preorder | available for
 * order | discontinued…, condition new | refurbished | used…), and
 * `visibility` is `published` or `staging` (hidden from shops), never "hidden".
 * https://developers.facebook.com/docs/marketing-api/reference/product-item
 */
export type CatalogItemPayload = {
  id: string
  title: string
  description: string
  availability: "in stock" | "out of stock"
  condition: "new"
  price: string
  link: string
  image_link: string
  brand: string
  item_group_id: string
  inventory?: number
  size?: string
  color?: string
  visibility?: "published" | "staging"
  additional_image_link?: string[]
}

export type VariantForCatalog = {
  variantId: string
  retailerId: string
  productId: string
  productTitle: string
  productHandle: string
  description: string | null
  options: { title: string; value: string }[]
  /** Major units (Medusa 2 stores decimals), in `currencyCode`. */
  amount: number | null
  currencyCode: string
  availableQuantity: number | null
  images: string[]
  brand: string | null
  /**
   * False only when the merchant hid the product from WhatsApp. Typed search
   * switches never reach the catalog: they change what messages find, not what
   * the customer's catalog shows.
   */
  visibleInCatalog: boolean
}

export const CATALOG_LIMITS = { id: 100, title: 200, description: 9999 } as const

const SIZE_OPTIONS = ["size", "talla", "tamano", "tamanho", "taille", "grosse", "taglia"]
const COLOR_OPTIONS = ["color", "colour", "cor", "couleur", "farbe", "colore"]
// ISO 4217 currencies without minor units.
const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"])

const plain = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().trim()

/** Meta's price format: "19.99 EUR" (decimals as the currency has them). */
export function formatCatalogPrice(amount: number, currencyCode: string): string {
  const code = currencyCode.toUpperCase()
  return `${amount.toFixed(ZERO_DECIMAL.has(code) ? 0 : 2)} ${code}`
}

export function fillUrlTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? encodeURIComponent(values[key]) : match))
}

export type BuildResult = { payload: CatalogItemPayload; problems: string[] }

/**
 * One catalog item per variant. Problems (no price, no image, too long…) are
 * returned rather than thrown so one bad variant never blocks the others.
 */
export function buildCatalogItem(variant: VariantForCatalog, productUrlTemplate: string, defaultBrand: string): BuildResult {
  const problems: string[] = []
  const optionValues = variant.options.map((o) => o.value).filter(Boolean)
  const title = optionValues.length ? `${variant.productTitle} - ${optionValues.join(" / ")}` : variant.productTitle
  const description = (variant.description ?? "").trim() || variant.productTitle
  const [image, ...moreImages] = variant.images
  const size = variant.options.find((o) => SIZE_OPTIONS.includes(plain(o.title)))?.value
  const color = variant.options.find((o) => COLOR_OPTIONS.includes(plain(o.title)))?.value

  if (variant.amount === null || variant.amount === undefined || !Number.isFinite(variant.amount)) {
    problems.push(`no price in ${variant.currencyCode.toUpperCase()}`)
  }
  if (!image) problems.push("no image")
  if ([...variant.retailerId].length > CATALOG_LIMITS.id) problems.push(`retailer id longer than ${CATALOG_LIMITS.id} characters`)
  if ([...title].length > CATALOG_LIMITS.title) problems.push(`title longer than ${CATALOG_LIMITS.title} characters`)
  if ([...description].length > CATALOG_LIMITS.description) problems.push(`description longer than ${CATALOG_LIMITS.description} characters`)

  const available = variant.availableQuantity === null ? true : variant.availableQuantity > 0
  const payload: CatalogItemPayload = {
    id: variant.retailerId,
    title,
    description,
    availability: available ? "in stock" : "out of stock",
    condition: "new",
    price: variant.amount !== null && Number.isFinite(variant.amount) ? formatCatalogPrice(variant.amount, variant.currencyCode) : "",
    link: fillUrlTemplate(productUrlTemplate, { handle: variant.productHandle, product_id: variant.productId, variant_id: variant.variantId }),
    image_link: image ?? "",
    brand: variant.brand || defaultBrand,
    item_group_id: variant.productId,
    visibility: variant.visibleInCatalog ? "published" : "staging",
    ...(variant.availableQuantity !== null ? { inventory: Math.max(0, Math.floor(variant.availableQuantity)) } : {}),
    ...(size ? { size } : {}),
    ...(color ? { color } : {}),
    ...(moreImages.length ? { additional_image_link: moreImages.slice(0, 20) } : {}),
  }
  return { payload, problems }
}

/** Stable JSON (sorted keys) so equal payloads always hash equal. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`
  if (value && typeof value === "object") {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value)
}

/**
 * The payload's fingerprint, against which the next sync decides what
 * changed. A link under the store's own `publicUrl` counts by its path: the
 * base URL is deployment configuration, and a process that disagreed on it
 * (or a move to a new domain) must not make every item look changed and
 * re-send the whole catalog. A real change of the item re-sends it with the
 * current link.
 */
export function hashCatalogPayload(payload: CatalogItemPayload, publicUrl?: string): string {
  const base = publicUrl?.replace(/\/+$/, "")
  const link = base && payload.link.startsWith(`${base}/`) ? `{publicUrl}${payload.link.slice(base.length)}` : payload.link
  return createHash("sha256").update(stableStringify({ ...payload, link })).digest("hex")
}
