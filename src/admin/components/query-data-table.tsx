import { DataTable, Text, type UseDataTableReturn } from "@medusajs/ui"
import type { ReactNode } from "react"
import { apiErrorMessage } from "../lib/api-error"

type Props<Row> = {
  /** From Medusa's `useDataTable` (pass the query's `isLoading` to it for the skeleton). */
  instance: UseDataTableReturn<Row>
  /** The query's error: shown instead of the table. */
  error?: unknown
  /** What an empty table says; `testId` marks it for tests. */
  empty: { heading?: string; description?: string; testId?: string }
  /** What failed, for the error line ("Could not load items: …"). */
  what: string
  /** Shows Medusa's pager (the instance needs `pagination` and `rowCount`). */
  paginated?: boolean
  children?: ReactNode
}

/**
 * Medusa's DataTable with the plugin's loading (the table's skeleton), error
 * and empty states, so every admin table shows them the same way.
 */
export function QueryDataTable<Row>({ instance, error, empty, what, paginated, children }: Props<Row>) {
  if (error) {
    return <Text className="px-6 py-4 text-ui-fg-error">Could not load {what}: {apiErrorMessage(error)}</Text>
  }
  const emptyContent = {
    custom: (
      <div className="flex flex-col items-center gap-y-1 text-center" data-testid={empty.testId}>
        {empty.heading && <Text size="base" weight="plus">{empty.heading}</Text>}
        {empty.description && <Text size="small" className="text-ui-fg-subtle">{empty.description}</Text>}
      </div>
    ),
  }
  return (
    <DataTable instance={instance}>
      {children}
      <DataTable.Table emptyState={{ empty: emptyContent, filtered: emptyContent }} />
      {paginated && <DataTable.Pagination />}
    </DataTable>
  )
}
