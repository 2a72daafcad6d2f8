import { Badge, Button, Table, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { catalogKeys, isRunStale, useCatalogSyncRun, useImportCatalog, useStartCatalogSync } from "./catalog-queries"
import type { CatalogAccount, CatalogImportResult } from "./catalog-types"
import { SyncRunSummary } from "./sync-run-summary"
import { apiErrorMessage } from "../../lib/api-error"

// The API has no "latest run" endpoint: remember the run started here so a
// reload still shows (and keeps polling) it.
const runStorageKey = (accountId: string) => `whatsapp-catalog-last-run:${accountId}`

function readStoredRunId(accountId: string): string | null {
  try {
    return window.localStorage.getItem(runStorageKey(accountId))
  } catch {
    return null
  }
}

function storeRunId(accountId: string, runId: string) {
  try {
    window.localStorage.setItem(runStorageKey(accountId), runId)
  } catch {
    // Storage may be disabled; the run is still shown until the page is left.
  }
}

type Props = {
  account: CatalogAccount
  onImported: (account: CatalogAccount, result: CatalogImportResult) => void
}

export const AccountCatalogRow = ({ account, onImported }: Props) => {
  const queryClient = useQueryClient()
  const [runId, setRunId] = useState<string | null>(() => readStoredRunId(account.id))
  const runQuery = useCatalogSyncRun(runId)
  const startSync = useStartCatalogSync()
  const importCatalog = useImportCatalog()
  const run = runQuery.data?.run
  const running = startSync.isPending || (run?.status === "running" && !isRunStale(run))

  // Refresh the counts and the table once, when a run we watched finishes.
  const previousStatus = useRef(run?.status)
  useEffect(() => {
    const before = previousStatus.current
    previousStatus.current = run?.status
    if (before !== "running" || !run || run.status === "running") return
    queryClient.invalidateQueries({ queryKey: [...catalogKeys.all, "items"] })
    queryClient.invalidateQueries({ queryKey: [...catalogKeys.all, "counts"] })
    if (run.status === "completed") toast.success(`Catalog sync finished for ${account.name}`)
    else toast.error(`Catalog sync failed for ${account.name}`, { description: run.error ?? undefined })
  }, [run, account.name, queryClient])

  const onSync = () =>
    startSync.mutate(account.id, {
      onSuccess: ({ run: started }) => {
        storeRunId(account.id, started.id)
        // Seed the cache so polling starts from "running" and the finish is noticed.
        queryClient.setQueryData(catalogKeys.run(started.id), { run: started })
        previousStatus.current = started.status
        setRunId(started.id)
        toast.info("Catalog sync started")
      },
      onError: (error) => toast.error("Could not start the sync", { description: apiErrorMessage(error) }),
    })

  const onImport = () =>
    importCatalog.mutate(account.id, {
      onSuccess: ({ import: result }) => {
        onImported(account, result)
        toast.success(`Read ${result.total} items from Meta: ${result.matched.length} matched, ${result.unmatched.length} unmatched`)
      },
      onError: (error) => toast.error("Could not import the catalog", { description: apiErrorMessage(error) }),
    })

  return (
    <Table.Row data-testid="catalog-account-row" data-account-id={account.id}>
      <Table.Cell>
        <Text size="small" weight="plus">
          {account.name}
        </Text>
        {account.display_phone_number && (
          <Text size="small" className="text-ui-fg-subtle">
            {account.display_phone_number}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell>{account.catalog_id ?? <Badge color="orange" size="2xsmall">not linked</Badge>}</Table.Cell>
      <Table.Cell className="py-2">
        {run ? (
          <SyncRunSummary run={run} />
        ) : runQuery.isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">Loading run…</Text>
        ) : (
          <Text size="small" className="text-ui-fg-muted">No sync started here yet</Text>
        )}
      </Table.Cell>
      <Table.Cell>
        <div className="flex justify-end gap-x-2">
          <Button
            size="small"
            variant="secondary"
            disabled={!account.catalog_id || importCatalog.isPending}
            isLoading={importCatalog.isPending}
            onClick={onImport}
            data-testid="catalog-import"
          >
            Import from Meta
          </Button>
          <Button
            size="small"
            disabled={!account.catalog_id || running}
            isLoading={running}
            onClick={onSync}
            data-testid="catalog-sync-now"
          >
            Sync now
          </Button>
        </div>
      </Table.Cell>
    </Table.Row>
  )
}
