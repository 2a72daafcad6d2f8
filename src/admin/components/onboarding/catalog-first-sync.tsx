import { Button, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import type { AdminWhatsAppAccount } from "../../../types/http"
import { whatsappKeys } from "../../hooks/keys"
import { isRunStale, useCatalogSyncRun, useLastCatalogRunId, useStartCatalogSync } from "../../hooks/catalog"
import { apiErrorMessage } from "../../lib/api-error"
import { AccountLastSync } from "../catalog/account-sync-cells"

/**
 * The connected catalog's sync, as the catalog page shows it (polled while
 * it runs); a button starts one when none was started from this browser.
 */
export const CatalogFirstSync = ({ account }: { account: AdminWhatsAppAccount }) => {
  const runId = useLastCatalogRunId(account.id).data
  const run = useCatalogSyncRun(runId).data?.run
  const start = useStartCatalogSync(account.id)
  const queryClient = useQueryClient()
  // A finished sync changed the catalog's item count: the catalog list above reads it again.
  useEffect(() => {
    if (run?.status === "completed") queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.metaCatalogs(account.id) })
  }, [run?.status, account.id, queryClient])
  const running = start.isPending || (run?.status === "running" && !isRunStale(run))
  const onStart = () =>
    start.mutate(undefined, { onError: (error) => toast.error("Could not start the sync", { description: apiErrorMessage(error) }) })

  return (
    <div className="flex items-start justify-between gap-x-4 px-6 py-4" data-testid="catalog-step-sync" data-status={run?.status ?? "none"}>
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          Sync with your products
        </Text>
        <AccountLastSync account={account} />
      </div>
      <Button size="small" variant="secondary" onClick={onStart} disabled={running} isLoading={running} data-testid="catalog-step-start-sync">
        {run ? "Sync again" : "Sync now"}
      </Button>
    </div>
  )
}
