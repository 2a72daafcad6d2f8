import { apiErrorMessage } from "../lib/api-error"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, createDataTableColumnHelper, Heading, Label, Switch, Text, toast, useDataTable, usePrompt } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { AdminWhatsAppCatalogItem as CatalogItem } from "../../types/http"
import { QueryDataTable } from "../components/query-data-table"
import { useCatalogItems, useProductWhatsAppSettings, useUpdateProductWhatsAppSettings } from "../hooks/catalog"
import { useMedusaProduct } from "../hooks/medusa"
import { ItemMessages } from "../components/catalog/item-messages"
import { CatalogStatusBadge } from "../components/catalog/status-badges"

type SwitchKey = "searchable" | "hidden_in_catalog"

const ProductWhatsappWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const settings = useProductWhatsAppSettings(product.id)
  const update = useUpdateProductWhatsAppSettings(product.id)
  const prompt = usePrompt()
  // While saving, show the value being saved so the switch does not flick back.
  const valueOf = (key: SwitchKey) => (update.isPending && update.variables[key] !== undefined ? update.variables[key] : settings.data?.settings[key])

  const save = (body: Partial<Record<SwitchKey, boolean>>, done: string) =>
    update.mutate(body, {
      onSuccess: () => toast.success(done),
      onError: (error) => toast.error("Could not save the WhatsApp setting", { description: apiErrorMessage(error) }),
    })

  const onSearchable = (checked: boolean) =>
    save({ searchable: checked }, checked ? "Customers can find this product by typing in WhatsApp" : "Product left out of WhatsApp search")

  const onHidden = async (hide: boolean) => {
    if (hide) {
      // Say what it costs before it happens: these items disappear from the customer's catalog.
      const count = settings.data?.catalog_item_count ?? 0
      const confirmed = await prompt({
        title: "Hide from the WhatsApp catalog?",
        description:
          count === 1
            ? "This hides 1 item from the WhatsApp catalog at the next sync. Customers will not see or order this product in WhatsApp."
            : `This hides ${count} items from the WhatsApp catalog at the next sync. Customers will not see or order this product in WhatsApp.`,
        confirmText: count === 1 ? "Hide 1 item" : `Hide ${count} items`,
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    save({ hidden_in_catalog: hide }, hide ? "Product will be hidden from the WhatsApp catalog" : "Product will be shown in the WhatsApp catalog")
  }

  const control = (key: SwitchKey, id: string, onChange: (checked: boolean) => void) =>
    settings.isLoading ? (
      <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
    ) : settings.error ? (
      <Text size="small" className="text-ui-fg-error">{apiErrorMessage(settings.error)}</Text>
    ) : (
      <Switch id={id} checked={!!valueOf(key)} disabled={update.isPending} onCheckedChange={onChange} data-testid={`product-${key.replace(/_/g, "-")}-switch`} />
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">WhatsApp</Heading>
      </div>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Label htmlFor="whatsapp-searchable" weight="plus">
            Found by typed search
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            When off, customers cannot find it by typing a message. It stays in the WhatsApp catalog.
          </Text>
        </div>
        {control("searchable", "whatsapp-searchable", onSearchable)}
      </div>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Label htmlFor="whatsapp-hidden-in-catalog" weight="plus">
            Hide from WhatsApp catalog
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            When on, its items ({settings.data?.catalog_item_count ?? 0} in the catalog now) are hidden at the next sync and it is not offered in chats.
          </Text>
        </div>
        {control("hidden_in_catalog", "whatsapp-hidden-in-catalog", onHidden)}
      </div>
      <VariantSyncTable productId={product.id} />
    </Container>
  )
}

/** One row per variant and catalog it is synced to; a variant in no catalog has one row with no item. */
type SyncRow = { key: string; variantId: string; title: string; item: CatalogItem | null }

const column = createDataTableColumnHelper<SyncRow>()
const syncColumns = (productId: string) => [
  column.accessor("title", {
    header: "Variant",
    cell: ({ row: { original: r } }) => (
      <Link to={`/products/${productId}/variants/${r.variantId}`} className="text-ui-fg-interactive hover:underline">
        {r.title}
      </Link>
    ),
  }),
  column.display({ id: "retailer_id", header: "Content ID", cell: ({ row }) => <span className="font-mono">{row.original.item?.retailer_id ?? "—"}</span> }),
  column.display({
    id: "status",
    header: "Catalog status",
    cell: ({ row: { original: r } }) => (
      <span data-testid="product-variant-sync-status" data-status={r.item?.sync_status ?? "none"} data-variant-id={r.variantId}>
        {r.item ? <CatalogStatusBadge status={r.item.sync_status} /> : <Text size="small" className="text-ui-fg-muted">Not synced yet</Text>}
      </span>
    ),
  }),
  column.display({
    id: "messages",
    header: "Messages from Meta",
    // DataTable cells truncate on one line; Meta's messages wrap instead.
    cell: ({ row: { original: r } }) =>
      r.item ? (
        <div className="whitespace-normal break-words py-2">
          <ItemMessages errors={r.item.errors} warnings={r.item.warnings} />
        </div>
      ) : (
        "—"
      ),
    maxSize: 360,
  }),
]

/** Each variant's catalog item(s): one per catalog it is synced to, or "not synced yet". */
const VariantSyncTable = ({ productId }: { productId: string }) => {
  // The product page loads the product without its variants ("-variants"), so read them here.
  const variants = useMedusaProduct(productId, "id,title,variants.id,variants.title,variants.sku")
  const items = useCatalogItems({ product_id: productId, limit: 500 })
  const columns = useMemo(() => syncColumns(productId), [productId])

  const rows = useMemo(() => {
    const byVariant = new Map<string, CatalogItem[]>()
    for (const item of items.data?.items ?? []) byVariant.set(item.variant_id, [...(byVariant.get(item.variant_id) ?? []), item])
    return (variants.data?.product.variants ?? []).flatMap((variant): SyncRow[] => {
      const title = variant.title ?? variant.id
      const synced = byVariant.get(variant.id) ?? []
      if (!synced.length) return [{ key: variant.id, variantId: variant.id, title, item: null }]
      return synced.map((item) => ({ key: item.id, variantId: variant.id, title, item }))
    })
  }, [variants.data, items.data])

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.key,
    rowCount: rows.length,
    isLoading: variants.isLoading || items.isLoading,
  })
  return (
    <QueryDataTable
      instance={table}
      error={variants.error ?? items.error}
      what="sync status"
      empty={{ heading: "This product has no variants." }}
    />
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductWhatsappWidget
