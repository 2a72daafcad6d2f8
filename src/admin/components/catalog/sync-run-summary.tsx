import { Text } from "@medusajs/ui"
import type { AdminWhatsAppCatalogSyncRun as CatalogSyncRun } from "../../../types/http"
import { isRunStale } from "../../hooks/catalog"
import { formatDateTime } from "./format"
import { SyncRunBadge } from "./status-badges"

// The figures a merchant acts on; batch/poll counters are for debugging only.
const SHOWN_STATS = ["created", "updated", "deleted", "unchanged", "invalid", "rejected", "pending", "warnings"] as const

export const SyncRunSummary = ({ run }: { run: CatalogSyncRun }) => {
  const stats = run.stats ?? {}
  const figures = SHOWN_STATS.filter((key) => typeof stats[key] === "number").map((key) => `${stats[key]} ${key}`)
  // Batches Meta did not finish cleanly, in Meta's words: why items are pending or refused.
  const notes = ("batches" in stats ? stats.batches ?? [] : []).filter((b) => b.note).map((b) => `Batch ${b.handle ?? "(not ingested)"}: ${b.status}. ${b.note}`)
  return (
    <div className="flex flex-col gap-y-1" data-testid="catalog-last-run" data-run-id={run.id} data-status={run.status}>
      <div className="flex items-center gap-x-2">
        <SyncRunBadge status={run.status} />
        <Text size="small" className="text-ui-fg-subtle">
          {run.finished_at ? `Finished ${formatDateTime(run.finished_at)}` : `Started ${formatDateTime(run.started_at)}`}
        </Text>
      </div>
      {figures.length > 0 && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="catalog-run-stats">
          {figures.join(" · ")}
        </Text>
      )}
      {notes.map((note) => (
        <Text key={note} size="small" className="text-ui-fg-subtle" data-testid="catalog-run-batch-note">
          {note}
        </Text>
      ))}
      {isRunStale(run) && (
        <Text size="small" className="text-ui-fg-subtle">
          Still marked running after 15 minutes: it probably stopped. You can start a new sync.
        </Text>
      )}
      {run.error && (
        <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-error" data-testid="catalog-run-error">
          {run.error}
        </Text>
      )}
    </div>
  )
}
