import { Badge, Checkbox, Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import type { AdminWhatsAppCatalogItem as CatalogItem } from "../../../types/http"
import { useCatalogItems } from "../../hooks/catalog"
import { type ProductWithVariants, useProductSearch } from "../../hooks/medusa"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { apiErrorMessage } from "../../lib/api-error"

type Props = {
  catalogId: string | null
  selected: Set<string>
  onToggle: (variantId: string, checked: boolean) => void
}

/** Searches Medusa products; each product's variants show whether WhatsApp can show them. */
export const ProductVariantPicker = ({ catalogId, selected, onToggle }: Props) => {
  const [q, setQ] = useState("")
  const search = useDebouncedValue(q.trim())
  const { data, isLoading, error } = useProductSearch(search, { fields: "id,title,thumbnail,variants.id,variants.title", limit: 20, listWhenEmpty: true })

  return (
    <div className="flex flex-col gap-3">
      <Input
        type="text"
        size="small"
        placeholder="Search products"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="product-search"
      />
      {isLoading && <Text size="small" className="text-ui-fg-subtle">Searching…</Text>}
      {error && <Text size="small" className="text-ui-fg-error">Could not search products: {apiErrorMessage(error)}</Text>}
      {data && data.products.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">No products match “{search}”.</Text>
      )}
      <div className="flex flex-col gap-2">
        {data?.products.map((product) => (
          <ProductVariants
            key={product.id}
            product={product}
            catalogId={catalogId}
            selected={selected}
            onToggle={onToggle}
          />
        ))}
      </div>
    </div>
  )
}

const SYNC_LABEL: Record<string, { label: string; color: "green" | "red" | "orange" | "grey" }> = {
  synced: { label: "Synced", color: "green" },
  pending: { label: "Sync pending", color: "orange" },
  error: { label: "Sync error", color: "red" },
  invalid: { label: "Invalid", color: "red" },
  deleted: { label: "Removed", color: "grey" },
}

type VariantsProps = { product: ProductWithVariants } & Props

const ProductVariants = ({ product, catalogId, selected, onToggle }: VariantsProps) => {
  // Sync state lives in the plugin's catalog items, per variant and per catalog.
  const { data, isLoading } = useCatalogItems({ product_id: product.id, catalog_id: catalogId ?? undefined, limit: 500 })
  const byVariant = new Map((data?.items ?? []).map((item) => [item.variant_id, item]))

  return (
    <div className="shadow-elevation-card-rest bg-ui-bg-base rounded-lg" data-testid="product-result" data-product-id={product.id}>
      <div className="flex items-center gap-3 px-3 py-2">
        <div className="bg-ui-bg-component size-8 shrink-0 overflow-hidden rounded">
          {product.thumbnail && <img src={product.thumbnail} alt="" className="size-full object-cover" />}
        </div>
        <Text size="small" weight="plus" className="truncate">{product.title}</Text>
      </div>
      <ul className="divide-y border-t">
        {(product.variants ?? []).map((variant) => {
          const item = byVariant.get(variant.id)
          const synced = item?.sync_status === "synced"
          const sync = item ? SYNC_LABEL[item.sync_status] : { label: "Not in catalog", color: "grey" as const }
          const inputId = `variant-${variant.id}`
          return (
            <li
              key={variant.id}
              className={clx("flex items-center gap-3 px-3 py-2", !synced && "opacity-60")}
              data-testid={synced ? "product-option" : "product-option-unavailable"}
              data-variant-id={variant.id}
            >
              <Checkbox
                id={inputId}
                disabled={!synced}
                checked={selected.has(variant.id)}
                onCheckedChange={(checked) => onToggle(variant.id, checked === true)}
              />
              <label htmlFor={inputId} className="txt-compact-small flex-1 truncate">
                {variant.title ?? variant.id}
              </label>
              {isLoading ? (
                <Text size="xsmall" className="text-ui-fg-muted">…</Text>
              ) : (
                <Badge size="2xsmall" color={sync.color} title={syncErrors(item)}>
                  {sync.label}
                </Badge>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** Meta's reasons, on hover: the merchant needs them to fix the product. */
function syncErrors(item: CatalogItem | undefined) {
  if (!item || !Array.isArray(item.errors) || !item.errors.length) return undefined
  return item.errors.map((e) => (typeof e === "string" ? e : (e as { message?: string })?.message ?? JSON.stringify(e))).join("\n")
}
