import { z } from "@medusajs/framework/zod"

const DAY = 86_400_000

/** A date range of at most a year; by default the last 30 days. */
export const AdminWhatsAppStats = z
  .object({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    account_id: z.string().min(1).optional(),
  })
  .transform((q) => {
    const to = q.to ?? new Date()
    return { ...q, to, from: q.from ?? new Date(to.getTime() - 30 * DAY) }
  })
  .refine((q) => q.from < q.to, { message: "`from` must be before `to`", path: ["from"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 366 * DAY, { message: "the range can span at most 366 days", path: ["to"] })

export type AdminWhatsAppStatsType = z.output<typeof AdminWhatsAppStats>
