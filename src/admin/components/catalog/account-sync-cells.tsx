import { Button, Text, toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import type { AdminWhatsAppAccount, AdminWhatsAppCatalogImport } from "../../../types/http"
import {
  isRunStale,
  useCatalogSyncRun,
  useImportCatalog,
  useLastCatalogRunId,
  useRefreshCatalogItems,
  useStartCatalogSync,
} from "../../hooks/catalog"
import { apiErrorMessage } from "../../lib/api-error"
import { SyncRunSummary } from "./sync-run-summary"

/** The run last started here for the account (both cells of its row read the same cached run). */
function useLastRun(accountId: string) {
  const runId = useLastCatalogRunId(accountId).data
  return useCatalogSyncRun(runId)
}

/** "Last sync" cell: the run, polled while it runs; says when it finished. */
export const AccountLastSync = ({ account }: { account: AdminWhatsAppAccount }) => {
  const runQuery = useLastRun(account.id)
  const refreshItems = useRefreshCatalogItems()
  const run = runQuery.data?.run

  // Refresh the counts and the table once, when a run we watched finishes.
  const previousStatus = useRef(run?.status)
  useEffect(() => {
    const before = previousStatus.current
    previousStatus.current = run?.status
    if (before !== "running" || !run || run.status === "running") return
    refreshItems()
    if (run.status === "completed") toast.success(`Catalog sync finished for ${account.name}`)
    else toast.error(`Catalog sync failed for ${account.name}`, { description: run.error ?? undefined })
  }, [run, account.name, refreshItems])

  if (run) return <SyncRunSummary run={run} />
  if (runQuery.isLoading) return <Text size="small" className="text-ui-fg-subtle">Loading run…</Text>
  return <Text size="small" className="text-ui-fg-muted">No sync started here yet</Text>
}

type ActionsProps = {
  account: AdminWhatsAppAccount
  onImported: (account: AdminWhatsAppAccount, result: AdminWhatsAppCatalogImport) => void
}

/** "Import from Meta" and "Sync now". */
export const AccountSyncActions = ({ account, onImported }: ActionsProps) => {
  const run = useLastRun(account.id).data?.run
  const startSync = useStartCatalogSync(account.id)
  const importCatalog = useImportCatalog()
  const running = startSync.isPending || (run?.status === "running" && !isRunStale(run))

  const onSync = () =>
    startSync.mutate(undefined, {
      onSuccess: () => toast.info("Catalog sync started"),
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
      <Button size="small" disabled={!account.catalog_id || running} isLoading={running} onClick={onSync} data-testid="catalog-sync-now">
        Sync now
      </Button>
    </div>
  )
}
