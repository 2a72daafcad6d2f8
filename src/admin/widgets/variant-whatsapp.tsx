import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import type { AdminWhatsAppCatalogItem as CatalogItem } from "../../types/http"
import { useWhatsAppAccounts } from "../hooks/accounts"
import { useCatalogItems, useSetRetailerId } from "../hooks/catalog"
import { formatDateTime, humanize } from "../components/catalog/format"
import { ItemMessages } from "../components/catalog/item-messages"
import { CatalogStatusBadge } from "../components/catalog/status-badges"
import { apiErrorMessage } from "../lib/api-error"

const VariantWhatsappWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const accounts = useWhatsAppAccounts()
  const items = useCatalogItems({ variant_id: variant.id, limit: 50 })

  const isLoading = accounts.isLoading || items.isLoading
  const error = accounts.error ?? items.error
  // Connected catalogs, plus any catalog this variant still has an item in.
  const itemByCatalog = new Map((items.data?.items ?? []).map((item) => [item.catalog_id, item]))
  const catalogIds = [
    ...new Set([
      ...(accounts.data?.accounts ?? []).map((a) => a.catalog_id).filter((id): id is string => !!id),
      ...itemByCatalog.keys(),
    ]),
  ]

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">WhatsApp catalog</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The content ID is how Meta's catalog and customers' carts refer to this variant.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {!isLoading && !!error && <Text className="px-6 py-4 text-ui-fg-error">Could not load the catalog status: {apiErrorMessage(error)}</Text>}
      {!isLoading && !error && catalogIds.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">No WhatsApp catalog is connected yet.</Text>
      )}
      {!isLoading &&
        !error &&
        catalogIds.map((catalogId) => {
          const item = itemByCatalog.get(catalogId)
          // Keyed by the stored ID: remounts after a save so the field starts from the stored value.
          return (
            <CatalogEntry
              key={`${catalogId}:${item?.retailer_id ?? ""}`}
              variantId={variant.id}
              catalogId={catalogId}
              showCatalog={catalogIds.length > 1}
              item={item}
            />
          )
        })}
    </Container>
  )
}

type EntryProps = { variantId: string; catalogId: string; showCatalog: boolean; item: CatalogItem | undefined }

const CatalogEntry = ({ variantId, catalogId, showCatalog, item }: EntryProps) => {
  const [retailerId, setRetailerIdValue] = useState(item?.retailer_id ?? "")
  const save = useSetRetailerId()
  const trimmed = retailerId.trim()
  const inputId = `whatsapp-retailer-${catalogId}`

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(
      { variant_id: variantId, retailer_id: trimmed, catalog_id: catalogId },
      {
        onSuccess: () => toast.success("Content ID saved; the next sync updates the catalog"),
        // e.g. the content ID is already used by another variant.
        onError: (error) => toast.error("Could not save the content ID", { description: apiErrorMessage(error) }),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="variant-catalog-entry" data-catalog-id={catalogId}>
      {showCatalog && (
        <Text size="small" weight="plus">
          Catalog {catalogId}
        </Text>
      )}
      <form onSubmit={onSubmit} className="flex flex-col gap-y-2">
        <Label htmlFor={inputId} size="small" weight="plus">
          Content ID (retailer ID)
        </Label>
        <div className="flex items-center gap-x-2">
          <Input
            id={inputId}
            size="small"
            value={retailerId}
            placeholder={variantId}
            onChange={(e) => setRetailerIdValue(e.target.value)}
            data-testid="variant-retailer-input"
          />
          <Button
            type="submit"
            size="small"
            variant="secondary"
            disabled={!trimmed || trimmed === item?.retailer_id || save.isPending}
            isLoading={save.isPending}
            data-testid="variant-retailer-save"
          >
            Save
          </Button>
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Copy it from Commerce Manager when the item already exists there; by default it is the variant ID.
        </Text>
      </form>
      {item ? (
        <div className="flex flex-col gap-y-2" data-testid="variant-sync-status" data-status={item.sync_status}>
          <div className="flex items-center gap-x-2">
            <CatalogStatusBadge status={item.sync_status} />
            <Text size="small" className="text-ui-fg-subtle">
              {humanize(item.retailer_id_source)} ID · last synced {formatDateTime(item.last_synced_at)}
            </Text>
          </div>
          <ItemMessages errors={item.errors} warnings={item.warnings} />
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-muted" data-testid="variant-sync-status" data-status="none">
          Not synced to this catalog yet.
        </Text>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantWhatsappWidget
