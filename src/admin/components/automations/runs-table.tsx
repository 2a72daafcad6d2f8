import { Container, createDataTableColumnHelper, Heading, Text, useDataTable, type DataTablePaginationState } from "@medusajs/ui"
import { useState } from "react"
import type { AutomationRun } from "../../../types/http/automations"
import { ACTION_LABELS } from "../../../lib/automations/rule-summary"
import { useAutomationRuns } from "../../hooks/automations"
import { QueryDataTable } from "../query-data-table"
import { ResultStatusBadge, RunStatusBadge } from "./run-status-badge"

const PAGE = 20
const column = createDataTableColumnHelper<AutomationRun>()
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")

const columns = [
  column.accessor("created_at", {
    header: "Triggered",
    cell: ({ row }) => (
      <div className="flex flex-col" data-testid="automation-run" data-run-id={row.original.id} data-status={row.original.status}>
        <Text size="small">{when(row.original.created_at)}</Text>
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="automation-run-key">{row.original.trigger_key}</Text>
      </div>
    ),
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <RunStatusBadge status={getValue()} /> }),
  column.accessor("due_at", { header: "Due", cell: ({ getValue }) => when(getValue()) }),
  column.accessor("attempts", { header: "Attempts", cell: ({ getValue }) => <span data-testid="automation-run-attempts">{getValue()}</span> }),
  column.accessor("results", {
    header: "Actions",
    cell: ({ row }) => (
      <div className="flex flex-col gap-y-1 py-2">
        {row.original.results.map((r) => (
          <div key={r.index} className="flex flex-wrap items-center gap-2" data-testid="automation-run-result" data-type={r.type} data-status={r.status}>
            <Text size="xsmall">{r.index + 1}. {ACTION_LABELS[r.type] ?? r.type}</Text>
            <ResultStatusBadge status={r.status} />
            {r.attempts > 1 && <Text size="xsmall" className="text-ui-fg-muted">{r.attempts} attempts</Text>}
            {r.detail && (
              <Text size="xsmall" className={r.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="automation-run-result-detail">
                {r.detail}
              </Text>
            )}
          </div>
        ))}
        {row.original.error && <Text size="xsmall" className="text-ui-fg-error" data-testid="automation-run-error">{row.original.error}</Text>}
      </div>
    ),
  }),
]

/** A rule's recent runs: one per triggering event, with each action's outcome. */
export const RunsTable = ({ ruleId }: { ruleId: string }) => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE })
  const { data, error, isLoading } = useAutomationRuns(ruleId, { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  const table = useDataTable({
    data: data?.runs ?? [],
    columns,
    getRowId: (r) => r.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0" data-testid="automation-runs">
      <div className="px-6 py-4">
        <Heading level="h2">Recent runs</Heading>
        <Text size="small" className="text-ui-fg-subtle">Each triggering event runs the rule once; failed actions say why.</Text>
      </div>
      <QueryDataTable instance={table} error={error} what="runs" paginated empty={{ heading: "No run yet.", testId: "automation-runs-empty" }} />
    </Container>
  )
}
