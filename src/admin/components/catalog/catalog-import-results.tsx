import { Badge, Button, Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import { createContext, useContext, useMemo, useState } from "react"
import type { AdminWhatsAppAccount, AdminWhatsAppCatalogImport } from "../../../types/http"
import { QueryDataTable } from "../query-data-table"
import { MapToVariant } from "./map-to-variant"

type Props = {
  account: AdminWhatsAppAccount
  result: AdminWhatsAppCatalogImport
  onClose: () => void
}

type Unmatched = AdminWhatsAppCatalogImport["unmatched"][number]

// What was mapped in this session, and where: read by the cells, so the columns
// stay the same objects (a new cell function would remount the other rows' search boxes).
type Mapping = { catalogId: string | null; mapped: Record<string, string>; onMapped: (retailerId: string, variantId: string) => void }
const MappingContext = createContext<Mapping>({ catalogId: null, mapped: {}, onMapped: () => {} })

const MappedCell = ({ retailerId }: { retailerId: string }) => {
  const { catalogId, mapped, onMapped } = useContext(MappingContext)
  return mapped[retailerId] ? (
    <Badge color="green" size="2xsmall">
      Mapped to {mapped[retailerId]}
    </Badge>
  ) : (
    <MapToVariant retailerId={retailerId} catalogId={catalogId} onMapped={(variantId) => onMapped(retailerId, variantId)} />
  )
}

const ContentIdCell = ({ retailerId }: { retailerId: string }) => {
  const { mapped } = useContext(MappingContext)
  return (
    <span className="font-mono" data-testid="catalog-unmatched" data-retailer-id={retailerId} data-mapped={mapped[retailerId] ? "true" : "false"}>
      {retailerId}
    </span>
  )
}

const column = createDataTableColumnHelper<Unmatched>()
const columns = [
  column.accessor("retailer_id", { header: "Content ID", cell: ({ getValue }) => <ContentIdCell retailerId={getValue()} /> }),
  column.accessor("name", { header: "Name at Meta", cell: ({ getValue }) => getValue() ?? <span className="text-ui-fg-muted">—</span> }),
  column.display({ id: "map", header: "Map to variant", cell: ({ row }) => <MappedCell retailerId={row.original.retailer_id} /> }),
]

/** What "Import from Meta" found: matched items, and the unmatched ones to map by hand. */
export const CatalogImportResults = ({ account, result, onClose }: Props) => {
  // retailer id → variant it was mapped to in this session (the import result itself is a snapshot).
  const [mapped, setMapped] = useState<Record<string, string>>({})
  const bySku = result.matched.filter((m) => m.by === "sku").length
  const byMapping = result.matched.length - bySku
  const remaining = result.unmatched.filter((u) => !mapped[u.retailer_id]).length

  const mapping = useMemo<Mapping>(
    () => ({ catalogId: account.catalog_id, mapped, onMapped: (retailerId, variantId) => setMapped((prev) => ({ ...prev, [retailerId]: variantId })) }),
    [account.catalog_id, mapped]
  )
  const table = useDataTable({
    data: result.unmatched,
    columns,
    getRowId: (item) => item.retailer_id,
    rowCount: result.unmatched.length,
  })

  return (
    <Container className="divide-y p-0" data-testid="catalog-import-results">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Import from Meta — {account.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Read {result.total} items from catalog {account.catalog_id}.{" "}
            <span data-testid="catalog-import-matched" data-count={result.matched.length}>
              {result.matched.length} matched
            </span>{" "}
            ({byMapping} already mapped, {bySku} by SKU);{" "}
            <span data-testid="catalog-import-unmatched-count" data-count={remaining}>
              {remaining} still unmatched
            </span>
            .
          </Text>
        </div>
        <Button size="small" variant="transparent" onClick={onClose}>
          Close
        </Button>
      </div>
      <MappingContext.Provider value={mapping}>
        <QueryDataTable instance={table} what="the import" empty={{ heading: "Every item in the Meta catalog matched a variant." }} />
      </MappingContext.Provider>
    </Container>
  )
}
