import { Container, Heading, Table, Text } from "@medusajs/ui"
import { AccountCatalogRow } from "./account-catalog-row"
import type { CatalogAccount, CatalogImportResult } from "./catalog-types"
import { apiErrorMessage } from "../../lib/api-error"

type Props = {
  accounts: CatalogAccount[] | undefined
  isLoading: boolean
  error: unknown
  onImported: (account: CatalogAccount, result: CatalogImportResult) => void
}

/** One row per connected number: its catalog, the last sync started here, and the actions. */
export const CatalogAccountsSection = ({ accounts, isLoading, error, onImported }: Props) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h2">WhatsApp catalog</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Product variants pushed to each account's Meta catalog. Syncs also run on their own after product changes.
        </Text>
      </div>
    </div>
    {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading accounts…</Text>}
    {!!error && <Text className="px-6 py-4 text-ui-fg-error">Could not load accounts: {apiErrorMessage(error)}</Text>}
    {accounts && accounts.length === 0 && (
      <Text className="px-6 py-4 text-ui-fg-subtle" data-testid="catalog-no-accounts">
        No WhatsApp account connected yet. Connect one in Settings → WhatsApp, then link its catalog.
      </Text>
    )}
    {accounts && accounts.length > 0 && (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Account</Table.HeaderCell>
            <Table.HeaderCell>Catalog</Table.HeaderCell>
            <Table.HeaderCell>Last sync</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {accounts.map((account) => (
            <AccountCatalogRow key={account.id} account={account} onImported={onImported} />
          ))}
        </Table.Body>
      </Table>
    )}
  </Container>
)
