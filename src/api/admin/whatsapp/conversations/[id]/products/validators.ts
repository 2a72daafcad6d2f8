import { z } from "@medusajs/framework/zod"

export const AdminSendProducts = z
  .object({
    variant_ids: z.array(z.string().min(1)).max(300).optional(),
    product_ids: z.array(z.string().min(1)).max(100).optional(),
    collection_id: z.string().min(1).optional(),
    category_id: z.string().min(1).optional(),
    catalog: z.boolean().optional(),
    header: z.string().trim().max(60, "header: at most 60 characters").optional(),
    body: z.string().trim().max(1024, "body: at most 1024 characters").optional(),
    footer: z.string().trim().max(60, "footer: at most 60 characters").optional(),
    idempotency_key: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine(
    (b) => b.catalog || b.variant_ids?.length || b.product_ids?.length || b.collection_id || b.category_id,
    "Choose variant_ids, product_ids, collection_id, category_id, or catalog: true"
  )
export type AdminSendProductsType = z.infer<typeof AdminSendProducts>
