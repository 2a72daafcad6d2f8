import { Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import type { AdminWhatsAppStatsResponse } from "../../types/http"
import { formatMoney } from "../lib/format-money"
import { QueryDataTable } from "./query-data-table"

type AdRow = AdminWhatsAppStatsResponse["by_ad"][number]
const column = createDataTableColumnHelper<AdRow>()
const columns = [
  column.accessor("headline", {
    header: "Ad or post",
    cell: ({ row }) => {
      const label = row.original.headline ?? row.original.source_id
      return row.original.source_url ? (
        <a href={row.original.source_url} target="_blank" rel="noreferrer noopener" className="underline" data-testid="stats-ad">
          {label}
        </a>
      ) : (
        <span data-testid="stats-ad">{label}</span>
      )
    },
  }),
  column.accessor("carts", { header: "Carts" }),
  column.accessor("orders", { header: "Orders" }),
  column.accessor("revenue", {
    header: "Revenue",
    // Medusa's order totals, summed per currency by the API.
    cell: ({ getValue }) => getValue().map((r) => formatMoney(r.total, r.currency_code)).join(" · ") || "—",
  }),
]

/** Carts and revenue per Click-to-WhatsApp ad (the conversation's latest referral when the cart was made). */
export const StatsByAd = ({ data, error, isLoading }: { data: AdminWhatsAppStatsResponse | undefined; error: unknown; isLoading: boolean }) => {
  const table = useDataTable({ data: data?.by_ad ?? [], columns, getRowId: (r) => r.source_id, rowCount: data?.by_ad.length ?? 0, isLoading })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">By ad</Heading>
        <Text size="small" className="text-ui-fg-subtle">Carts from conversations that began at a Click-to-WhatsApp ad or post.</Text>
      </div>
      <QueryDataTable instance={table} error={error} what="ads" empty={{ heading: "No cart came from an ad in this period." }} />
    </Container>
  )
}
