import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, createDataTableColumnHelper, Heading, Select, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import type { AdminWhatsAppStatsResponse } from "../../../../types/http"
import { QueryDataTable } from "../../../components/query-data-table"
import { StatsByAd } from "../../../components/stats-by-ad"
import { StatsByStep } from "../../../components/stats-by-step"
import { useWhatsAppStats } from "../../../hooks/stats"
import { apiErrorMessage } from "../../../lib/api-error"
import { formatMoney } from "../../../lib/format-money"

type Revenue = AdminWhatsAppStatsResponse["revenue"][number]
const column = createDataTableColumnHelper<Revenue>()
const revenueColumns = [
  column.accessor("currency_code", {
    header: "Currency",
    cell: ({ getValue }) => <span data-testid="stats-revenue-currency">{getValue().toUpperCase()}</span>,
  }),
  column.accessor("paid", { header: "Paid", cell: ({ row }) => formatMoney(row.original.paid, row.original.currency_code) }),
  column.accessor("recovered", {
    header: "Recovered by reminders",
    cell: ({ row }) => formatMoney(row.original.recovered, row.original.currency_code),
  }),
]

const RANGES = [
  ["7", "Last 7 days"],
  ["30", "Last 30 days"],
  ["90", "Last 90 days"],
  ["365", "Last 12 months"],
] as const

const SKIP_REASONS: Record<string, string> = {
  no_template: "Outside the window, no template",
  marketing_template_blocked: "Marketing template blocked (US)",
  opted_out: "Customer opted out",
  cart_empty: "Cart emptied",
  cart_missing: "Cart gone",
  paid_before_sent: "Paid before the reminder left",
  marketing_stopped: "Customer stopped marketing messages",
  template_not_approved: "Template not approved",
}

/** The WhatsApp funnel: carts submitted, paid, abandoned, reminded and recovered, and the revenue reminders brought back. */
const WhatsAppStatsPage = () => {
  const [days, setDays] = useState("30")
  const { data, error, isLoading } = useWhatsAppStats(Number(days))
  const revenue = useDataTable({
    data: data?.revenue ?? [],
    columns: revenueColumns,
    getRowId: (r) => r.currency_code,
    rowCount: data?.revenue.length ?? 0,
    isLoading,
  })
  const figures: [string, string, number | string][] = data
    ? [
        ["submitted", "Carts submitted", data.carts.submitted],
        ["paid", "Paid", data.carts.paid],
        ["awaiting_payment", "Awaiting a manual payment", data.carts.awaiting_payment],
        ["abandoned", "Abandoned", data.carts.abandoned],
        ["reminded", "Reminded", data.carts.reminded],
        ["recovered", "Recovered", data.carts.recovered],
        ["recovery_rate", "Recovery rate", data.recovery_rate === null ? "—" : `${Math.round(data.recovery_rate * 100)}%`],
      ]
    : []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">WhatsApp stats</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Carts sent from WhatsApp in the period, and what became of them.
            </Text>
          </div>
          <Select value={days} onValueChange={setDays}>
            <Select.Trigger className="w-48" data-testid="stats-range">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RANGES.map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {error && <Text className="px-6 py-4 text-ui-fg-error">{apiErrorMessage(error)}</Text>}
        <div className="grid grid-cols-[repeat(auto-fill,minmax(200px,1fr))] gap-4 px-6 py-4">
          {figures.map(([key, label, value]) => (
            <div key={key} className="rounded-lg border p-4" data-testid="stats-figure" data-key={key}>
              <Text size="small" className="text-ui-fg-subtle">
                {label}
              </Text>
              <Heading level="h2">{value}</Heading>
            </div>
          ))}
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Revenue</Heading>
        </div>
        <QueryDataTable instance={revenue} error={error} what="revenue" empty={{ heading: "No paid WhatsApp cart in this period." }} />
      </Container>
      <StatsByStep data={data} error={error} isLoading={isLoading} />
      <StatsByAd data={data} error={error} isLoading={isLoading} />
      {data && Object.keys(data.skipped_reminders).length > 0 && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Reminders not sent</Heading>
          </div>
          {Object.entries(data.skipped_reminders).map(([reason, count]) => (
            <div key={reason} className="flex justify-between px-6 py-3">
              <Text size="small">{SKIP_REASONS[reason] ?? reason}</Text>
              <Text size="small">{count}</Text>
            </div>
          ))}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Stats" })

export default WhatsAppStatsPage
