import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { useCatalogItems, useProductsByIds } from "./catalog-queries"
import { CATALOG_ITEM_STATUSES, type CatalogItem, type CatalogItemStatus } from "./catalog-types"
import { formatDateTime, humanize } from "./format"
import { ItemMessages } from "./item-messages"
import { CatalogStatusBadge } from "./status-badges"
import { apiErrorMessage } from "../../lib/api-error"

export const CATALOG_PAGE_SIZE = 20
const ALL = "all" // Radix Select items cannot have an empty value.

type Props = {
  catalogId?: string
  status?: CatalogItemStatus
  onStatusChange: (status: CatalogItemStatus | undefined) => void
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}

type VariantLabel = { product: string; variant: string | null; sku: string | null }

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

  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / CATALOG_PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Items</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One row per variant; errors are Meta's own messages.
          </Text>
        </div>
        <div style={{ width: 180 }}>
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
      {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading items…</Text>}
      {!!error && <Text className="px-6 py-4 text-ui-fg-error">Could not load items: {apiErrorMessage(error)}</Text>}
      {data && items.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle" data-testid="catalog-items-empty">
          {status ? `No ${humanize(status).toLowerCase()} items.` : "No catalog items yet. Run a sync to push your products."}
        </Text>
      )}
      {items.length > 0 && (
        <div className={isFetching ? "opacity-60 transition-opacity" : undefined}>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>Content ID</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Messages from Meta</Table.HeaderCell>
                <Table.HeaderCell>Last synced</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((item) => (
                <CatalogItemRow key={item.id} item={item} label={labels.get(item.variant_id)} />
              ))}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={count}
            pageSize={CATALOG_PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => onPageChange(pageIndex - 1)}
            nextPage={() => onPageChange(pageIndex + 1)}
          />
        </div>
      )}
    </Container>
  )
}

const CatalogItemRow = ({ item, label }: { item: CatalogItem; label?: VariantLabel }) => (
  // Table.Row is styled for full-height rows; align tops so long error lists stay readable.
  <Table.Row className="[&_td]:align-top [&_td]:py-3" data-testid="catalog-item-row" data-status={item.sync_status} data-variant-id={item.variant_id}>
    <Table.Cell>
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
    </Table.Cell>
    <Table.Cell>
      <Text size="small" className="font-mono" data-testid="catalog-item-retailer-id">
        {item.retailer_id}
      </Text>
      {item.retailer_id_source !== "default" && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {humanize(item.retailer_id_source)}
        </Text>
      )}
    </Table.Cell>
    <Table.Cell>
      <CatalogStatusBadge status={item.sync_status} />
    </Table.Cell>
    <Table.Cell style={{ maxWidth: 420 }}>
      <ItemMessages errors={item.errors} warnings={item.warnings} />
    </Table.Cell>
    <Table.Cell>
      <Text size="small" className="text-ui-fg-subtle">
        {formatDateTime(item.last_synced_at)}
      </Text>
    </Table.Cell>
  </Table.Row>
)
