import { z } from "@medusajs/framework/zod"

/**
 * `limit` and `offset` for the plugin's admin lists: bounded, so a bad value
 * is a 400 that names the field, never a 500 from the database.
 */
export function pagination({ max, byDefault }: { max: number; byDefault: number }) {
  return {
    limit: z.coerce.number().int().min(1).max(max).default(byDefault),
    offset: z.coerce.number().int().min(0).default(0),
  }
}
