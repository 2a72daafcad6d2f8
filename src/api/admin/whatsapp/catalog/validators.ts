import { z } from "@medusajs/framework/zod"
import { pagination } from "../pagination"

export const AdminConnectCatalog = z
  .object({
    catalog_id: z.string().regex(/^\d{5,32}$/, "catalog_id must be the numeric id Meta shows"),
    is_cart_enabled: z.boolean().optional(),
    is_catalog_visible: z.boolean().optional(),
    /** The WABA is connected to another catalog: disconnect it (a WABA has one). Without it, 409. */
    replace: z.boolean().optional(),
    /** Start the first sync once connected; the answer carries its run. */
    start_sync: z.boolean().optional(),
  })
  .strict()
export type AdminConnectCatalogType = z.infer<typeof AdminConnectCatalog>

export const AdminStartCatalogSync = z.object({ account_id: z.string() }).strict()
export type AdminStartCatalogSyncType = z.infer<typeof AdminStartCatalogSync>

export const AdminListCatalogItems = z.object({
  catalog_id: z.string().optional(),
  status: z.enum(["pending", "synced", "error", "invalid", "deleted"]).optional(),
  product_id: z.string().optional(),
  variant_id: z.string().optional(),
  ...pagination({ max: 500, byDefault: 100 }),
})
export type AdminListCatalogItemsType = z.infer<typeof AdminListCatalogItems>

export const AdminMapCatalogItem = z
  .object({
    retailer_id: z.string().trim().min(1, "retailer_id is required").max(100, "retailer_id is longer than 100 characters"),
    catalog_id: z.string().optional(),
  })
  .strict()
export type AdminMapCatalogItemType = z.infer<typeof AdminMapCatalogItem>
