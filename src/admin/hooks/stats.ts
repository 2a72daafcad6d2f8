import { useQuery } from "@tanstack/react-query"
import type { AdminWhatsAppStatsResponse } from "../../types/http"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

const DAY = 86_400_000

/** The funnel of the last `days` days, refreshed every 30 s. */
export function useWhatsAppStats(days: number) {
  return useQuery({
    queryKey: whatsappKeys.stats.list({ days }),
    queryFn: () => {
      const to = new Date()
      const from = new Date(to.getTime() - days * DAY)
      return sdk.client.fetch<AdminWhatsAppStatsResponse>("/admin/whatsapp/stats", { query: { from: from.toISOString(), to: to.toISOString() } })
    },
    refetchInterval: 30_000,
  })
}
