import { Container, createDataTableColumnHelper, Heading, Select, Text, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import {
  CATALOG_ITEM_STATUSES,
  type AdminWhatsAppCatalogItem as CatalogItem,
  type AdminWhatsAppCatalogItemStatus as CatalogItemStatus,
} from "../../../types/http"
import { useCatalogItems } from "../../hooks/catalog"
import { useProductsByIds } from "../../hooks/medusa"
import { QueryDataTable } from "../query-data-table"
import { formatDateTime, humanize } from "./format"
import { ItemMessages } from "./item-messages"
import { CatalogStatusBadge } from "./status-badges"

export const CATALOG_PAGE_SIZE = 20
const ALL = "all" // Radix Select items cannot have an empty value.

type Props = {
  catalogId?: string
  status?: CatalogItemStatus
  onStatusChange: (status: CatalogItemStatus | undefined) => void
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}

type VariantLabel = { product: string; variant: string | null; sku: string | null | undefined }

const column = createDataTableColumnHelper<CatalogItem>()

function itemColumns(labels: Map<string, VariantLabel>) {
  return [
    column.accessor("variant_id", {
      header: "Variant",
      cell: ({ row: { original: item } }) => {
        const label = labels.get(item.variant_id)
        return (
          <div data-testid="catalog-item" data-status={item.sync_status} data-variant-id={item.variant_id}>
            {item.product_id ? (
              <Link to={`/products/${item.product_id}/variants/${item.variant_id}`} className="text-ui-fg-interactive hover:underline">
                {label ? `${label.product} / ${label.variant ?? "Default"}` : item.variant_id}
              </Link>
            ) : (
              item.variant_id
            )}
            {label?.sku && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                SKU {label.sku}
              </Text>
            )}
          </div>
        )
      },
    }),
    column.accessor("retailer_id", {
      header: "Content ID",
      cell: ({ row: { original: item } }) => (
        <>
          <Text size="small" className="font-mono" data-testid="catalog-item-retailer-id">
            {item.retailer_id}
          </Text>
          {item.retailer_id_source !== "default" && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {humanize(item.retailer_id_source)}
            </Text>
          )}
        </>
      ),
    }),
    column.accessor("sync_status", { header: "Status", cell: ({ getValue }) => <CatalogStatusBadge status={getValue()} /> }),
    column.display({
      id: "messages",
      header: "Messages from Meta",
      // DataTable cells truncate on one line; Meta's messages wrap instead.
      cell: ({ row: { original: item } }) => (
        <div className="whitespace-normal break-words py-2">
          <ItemMessages errors={item.errors} warnings={item.warnings} />
        </div>
      ),
      maxSize: 420,
    }),
    column.accessor("last_synced_at", {
      header: "Last synced",
      cell: ({ getValue }) => (
        <Text size="small" className="text-ui-fg-subtle">
          {formatDateTime(getValue())}
        </Text>
      ),
    }),
  ]
}

export const CatalogItemsTable = ({ catalogId, status, onStatusChange, pageIndex, onPageChange }: Props) => {
  const { data, isLoading, isFetching, error } = useCatalogItems({
    catalog_id: catalogId,
    status,
    limit: CATALOG_PAGE_SIZE,
    offset: pageIndex * CATALOG_PAGE_SIZE,
  })
  const items = data?.items ?? []
  const products = useProductsByIds(items.map((i) => i.product_id).filter((id): id is string => !!id))

  // variant id → titles, so rows read "T-shirt / M" rather than ids.
  const labels = useMemo(() => {
    const map = new Map<string, VariantLabel>()
    for (const product of products.data?.products ?? []) {
      for (const variant of product.variants ?? []) {
        map.set(variant.id, { product: product.title, variant: variant.title, sku: variant.sku })
      }
    }
    return map
  }, [products.data])
  const columns = useMemo(() => itemColumns(labels), [labels])

  const table = useDataTable({
    data: items,
    columns,
    getRowId: (item) => item.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: {
      state: { pageIndex, pageSize: CATALOG_PAGE_SIZE },
      onPaginationChange: (next) => onPageChange(next.pageIndex),
    },
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Items</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One row per variant; errors are Meta's own messages.
          </Text>
        </div>
        <div className="w-[180px]">
          <Select
            size="small"
            value={status ?? ALL}
            onValueChange={(value) => onStatusChange(value === ALL ? undefined : (value as CatalogItemStatus))}
          >
            <Select.Trigger data-testid="catalog-status-filter">
              <Select.Value placeholder="All statuses" />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All statuses</Select.Item>
              {CATALOG_ITEM_STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {humanize(s)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <div className={isFetching && !isLoading ? "opacity-60 transition-opacity" : undefined}>
        <QueryDataTable
          instance={table}
          error={error}
          what="items"
          paginated
          empty={{
            heading: status ? `No ${humanize(status).toLowerCase()} items.` : "No catalog items yet.",
            description: status ? undefined : "Run a sync to push your products.",
            testId: "catalog-items-empty",
          }}
        />
      </div>
    </Container>
  )
}
