import { clx, Container, Heading, Text } from "@medusajs/ui"
import { CATALOG_ITEM_STATUSES, type AdminWhatsAppCatalogItemStatus as CatalogItemStatus } from "../../../types/http"
import { useCatalogStatusCounts } from "../../hooks/catalog"
import { humanize } from "./format"
import { CatalogStatusBadge } from "./status-badges"
import { apiErrorMessage } from "../../lib/api-error"

type Props = {
  catalogId?: string
  selected?: CatalogItemStatus
  /** Clicking a figure filters the table to that status (again to clear). */
  onSelect: (status: CatalogItemStatus | undefined) => void
}

export const CatalogStatusSummary = ({ catalogId, selected, onSelect }: Props) => {
  const { data: counts, isLoading, error } = useCatalogStatusCounts(catalogId)
  const total = counts ? CATALOG_ITEM_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Sync status</Heading>
        {total !== null && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="catalog-status-total">
            {total} items
          </Text>
        )}
      </div>
      {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Counting items…</Text>}
      {!!error && <Text className="px-6 py-4 text-ui-fg-error">Could not count items: {apiErrorMessage(error)}</Text>}
      {counts && (
        <div className="grid grid-cols-[repeat(auto-fill,minmax(160px,1fr))] gap-3 px-6 py-4">
          {CATALOG_ITEM_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              onClick={() => onSelect(selected === status ? undefined : status)}
              className={clx(
                "flex flex-col items-start gap-y-2 rounded-lg border px-4 py-3 text-left transition-fg",
                "hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus outline-none",
                selected === status && "bg-ui-bg-base-pressed"
              )}
              aria-pressed={selected === status}
              data-testid="catalog-status-count"
              data-status={status}
              data-count={counts[status]}
            >
              <CatalogStatusBadge status={status} />
              <Text size="xlarge" weight="plus" aria-label={`${humanize(status)} items`}>
                {counts[status]}
              </Text>
            </button>
          ))}
        </div>
      )}
    </Container>
  )
}
