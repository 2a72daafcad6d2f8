import { apiErrorMessage } from "../lib/api-error"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Label, Switch, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useCatalogItems } from "../components/catalog/catalog-queries"
import type { CatalogItem } from "../components/catalog/catalog-types"
import { ItemMessages } from "../components/catalog/item-messages"
import { CatalogStatusBadge } from "../components/catalog/status-badges"
import {
  useProductVariantTitles,
  useProductWhatsappSettings,
  useUpdateProductWhatsappSettings,
} from "../components/catalog/widget-queries"

const ProductWhatsappWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const settings = useProductWhatsappSettings(product.id)
  const update = useUpdateProductWhatsappSettings(product.id)
  // While saving, show the value being saved so the switch does not flick back.
  const searchable = update.isPending ? update.variables.searchable : settings.data?.settings.searchable

  const onToggle = (checked: boolean) =>
    update.mutate(
      { searchable: checked },
      {
        onSuccess: () => toast.success(checked ? "Customers can find this product in WhatsApp" : "Product hidden from WhatsApp search"),
        onError: (error) => toast.error("Could not save the WhatsApp setting", { description: apiErrorMessage(error) }),
      }
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">WhatsApp</Heading>
      </div>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Label htmlFor="whatsapp-searchable" weight="plus">
            Searchable in WhatsApp
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            When off, customers cannot find it by typing and its catalog items are hidden at the next sync.
          </Text>
        </div>
        {settings.isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
        ) : settings.error ? (
          <Text size="small" className="text-ui-fg-error">{apiErrorMessage(settings.error)}</Text>
        ) : (
          <Switch
            id="whatsapp-searchable"
            checked={!!searchable}
            disabled={update.isPending}
            onCheckedChange={onToggle}
            data-testid="product-searchable-switch"
          />
        )}
      </div>
      <VariantSyncTable productId={product.id} />
    </Container>
  )
}

/** Each variant's catalog item(s): one per catalog it is synced to, or "not synced yet". */
const VariantSyncTable = ({ productId }: { productId: string }) => {
  const variants = useProductVariantTitles(productId)
  const items = useCatalogItems({ product_id: productId, limit: 500 })

  if (variants.isLoading || items.isLoading) return <Text className="px-6 py-4 text-ui-fg-subtle">Loading sync status…</Text>
  const error = variants.error ?? items.error
  if (error) return <Text className="px-6 py-4 text-ui-fg-error">Could not load sync status: {apiErrorMessage(error)}</Text>

  const list = variants.data?.product.variants ?? []
  if (!list.length) return <Text className="px-6 py-4 text-ui-fg-subtle">This product has no variants.</Text>

  const byVariant = new Map<string, CatalogItem[]>()
  for (const item of items.data?.items ?? []) byVariant.set(item.variant_id, [...(byVariant.get(item.variant_id) ?? []), item])

  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Variant</Table.HeaderCell>
          <Table.HeaderCell>Content ID</Table.HeaderCell>
          <Table.HeaderCell>Catalog status</Table.HeaderCell>
          <Table.HeaderCell>Messages from Meta</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {list.flatMap((variant) => {
          const title = (
            <Link to={`/products/${productId}/variants/${variant.id}`} className="text-ui-fg-interactive hover:underline">
              {variant.title ?? variant.id}
            </Link>
          )
          const synced = byVariant.get(variant.id) ?? []
          if (!synced.length) {
            return [
              <Table.Row key={variant.id} data-testid="product-variant-sync-row" data-status="none" data-variant-id={variant.id}>
                <Table.Cell>{title}</Table.Cell>
                <Table.Cell>—</Table.Cell>
                <Table.Cell>
                  <Text size="small" className="text-ui-fg-muted">Not synced yet</Text>
                </Table.Cell>
                <Table.Cell>—</Table.Cell>
              </Table.Row>,
            ]
          }
          return synced.map((item) => (
            <Table.Row
              key={item.id}
              className="[&_td]:py-3 [&_td]:align-top"
              data-testid="product-variant-sync-row"
              data-status={item.sync_status}
              data-variant-id={variant.id}
            >
              <Table.Cell>{title}</Table.Cell>
              <Table.Cell className="font-mono">{item.retailer_id}</Table.Cell>
              <Table.Cell>
                <CatalogStatusBadge status={item.sync_status} />
              </Table.Cell>
              <Table.Cell style={{ maxWidth: 360 }}>
                <ItemMessages errors={item.errors} warnings={item.warnings} />
              </Table.Cell>
            </Table.Row>
          ))
        })}
      </Table.Body>
    </Table>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductWhatsappWidget
