import { Badge, Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import { createContext, useContext } from "react"
import type { AdminWhatsAppAccount, AdminWhatsAppCatalogImport } from "../../../types/http"
import { QueryDataTable } from "../query-data-table"
import { AccountLastSync, AccountSyncActions } from "./account-sync-cells"

type Props = {
  accounts: AdminWhatsAppAccount[] | undefined
  isLoading: boolean
  error: unknown
  onImported: (account: AdminWhatsAppAccount, result: AdminWhatsAppCatalogImport) => void
}

// Columns are built once: a cell is a component, and a new cell function would
// remount it (losing the watch on a running sync). The page's callback comes by context.
const OnImported = createContext<Props["onImported"]>(() => {})
const ActionsCell = ({ account }: { account: AdminWhatsAppAccount }) => (
  <AccountSyncActions account={account} onImported={useContext(OnImported)} />
)

const column = createDataTableColumnHelper<AdminWhatsAppAccount>()
const columns = [
    column.accessor("name", {
      header: "Account",
      cell: ({ row }) => (
        <div data-testid="catalog-account" data-account-id={row.original.id}>
          <Text size="small" weight="plus">
            {row.original.name}
          </Text>
          {row.original.display_phone_number && (
            <Text size="small" className="text-ui-fg-subtle">
              {row.original.display_phone_number}
            </Text>
          )}
        </div>
      ),
    }),
    column.accessor("catalog_id", {
      header: "Catalog",
      cell: ({ getValue }) => getValue() ?? <Badge color="orange" size="2xsmall">not linked</Badge>,
    }),
    column.display({ id: "last-sync", header: "Last sync", cell: ({ row }) => <AccountLastSync account={row.original} /> }),
    column.display({
      id: "actions",
      header: () => <span className="block text-right">Actions</span>,
      cell: ({ row }) => <ActionsCell account={row.original} />,
    }),
]

/** One row per connected number: its catalog, the last sync started here, and the actions. */
export const CatalogAccountsSection = ({ accounts, isLoading, error, onImported }: Props) => {
  const table = useDataTable({
    data: accounts ?? [],
    columns,
    getRowId: (account) => account.id,
    rowCount: accounts?.length ?? 0,
    isLoading,
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">WhatsApp catalog</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Product variants pushed to each account's Meta catalog. Syncs also run on their own after product changes.
          </Text>
        </div>
      </div>
      <OnImported.Provider value={onImported}>
      <QueryDataTable
        instance={table}
        error={error}
        what="accounts"
        empty={{
          heading: "No WhatsApp account connected yet.",
          description: "Connect one in Settings → WhatsApp, then link its catalog.",
          testId: "catalog-no-accounts",
        }}
      />
      </OnImported.Provider>
    </Container>
  )
}
