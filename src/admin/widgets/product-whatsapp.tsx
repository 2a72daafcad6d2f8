import { apiErrorMessage } from "../lib/api-error"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Label, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
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

type SwitchKey = "searchable" | "hidden_in_catalog"

const ProductWhatsappWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const settings = useProductWhatsappSettings(product.id)
  const update = useUpdateProductWhatsappSettings(product.id)
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
