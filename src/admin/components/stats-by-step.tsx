import { Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import type { AdminWhatsAppStatsResponse } from "../../types/http"
import { formatMoney } from "../lib/format-money"
import { QueryDataTable } from "./query-data-table"

type StepRow = AdminWhatsAppStatsResponse["by_step"][number]
const column = createDataTableColumnHelper<StepRow>()
const money = (rows: StepRow["revenue"], pick: (r: StepRow["revenue"][number]) => number) =>
  rows.map((r) => formatMoney(pick(r), r.currency_code)).join(" · ") || "—"
const columns = [
  column.accessor("step", { header: "Step", cell: ({ getValue }) => <span data-testid="stats-step">Reminder {getValue()}</span> }),
  column.accessor("sent", { header: "Sent" }),
  column.accessor("clicked", { header: "Link opened" }),
  column.accessor("recovered", { header: "Recovered" }),
  // Medusa's order totals and discount totals, summed per currency by the API.
  column.accessor("revenue", { id: "revenue", header: "Revenue", cell: ({ getValue }) => money(getValue(), (r) => r.total) }),
  column.accessor("revenue", { id: "discount", header: "Discount cost", cell: ({ getValue }) => money(getValue(), (r) => r.discount) }),
]

/** Sent, opened, recovered, revenue and discount cost per recovery step. */
export const StatsByStep = ({ data, error, isLoading }: { data: AdminWhatsAppStatsResponse | undefined; error: unknown; isLoading: boolean }) => {
  const table = useDataTable({ data: data?.by_step ?? [], columns, getRowId: (r) => String(r.step), rowCount: data?.by_step.length ?? 0, isLoading })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">By reminder</Heading>
        <Text size="small" className="text-ui-fg-subtle">A paid cart counts for the last reminder it had before paying.</Text>
      </div>
      <QueryDataTable instance={table} error={error} what="reminders" empty={{ heading: "No reminder reached a customer in this period." }} />
    </Container>
  )
}
