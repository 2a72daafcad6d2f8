import { z } from "@medusajs/framework/zod"

const fields = {
  name: z.string().trim().min(1, "name: give the rule a name").max(100),
  match: z.enum(["exact", "contains"]),
  keywords: z
    .array(z.string().trim().min(1, "keywords: empty keyword").max(100))
    .min(1, "keywords: at least one keyword")
    .max(50, "keywords: at most 50"),
  reply_type: z.enum(["text", "products"]),
  reply_text: z.string().trim().max(4096, "reply_text: at most 4096 characters").nullable(),
  product_ids: z.array(z.string()).max(30).nullable(),
  variant_ids: z.array(z.string()).max(30).nullable(),
  priority: z.number().int().min(-1000).max(1000),
  active: z.boolean(),
}

export const AdminCreateAutoReplyRule = z
  .object(fields)
  .partial()
  .required({ name: true, keywords: true })
  .strict()
export type AdminCreateAutoReplyRuleType = z.infer<typeof AdminCreateAutoReplyRule>

export const AdminUpdateAutoReplyRule = z.object(fields).partial().strict()
export type AdminUpdateAutoReplyRuleType = z.infer<typeof AdminUpdateAutoReplyRule>
