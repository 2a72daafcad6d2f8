import { z } from "@medusajs/framework/zod"

/**
 * Files an admin sends through JSON (base64). Meta allows documents up to
 * 100 MB; an admin upload here is bounded lower so one request never holds
 * a huge body in memory. The route's body limit follows from it.
 */
export const MAX_ADMIN_MEDIA_BYTES = 20 * 1024 * 1024
export const ADMIN_MEDIA_BODY_LIMIT = "28mb"

export const AdminSendMedia = z
  .object({
    type: z.enum(["image", "document"]),
    filename: z.string().trim().min(1).max(240),
    mime_type: z.string().trim().min(3).max(200),
    content_base64: z
      .string()
      .min(1, "content_base64 is required")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "content_base64 must be base64")
      .refine((b64) => Math.floor((b64.length * 3) / 4) <= MAX_ADMIN_MEDIA_BYTES + 2, `files up to ${MAX_ADMIN_MEDIA_BYTES / 1024 / 1024} MB`),
    caption: z.string().trim().min(1).max(1024, "caption is longer than 1024 characters").optional(),
    idempotency_key: z.string().min(8).max(255).optional(),
  })
  .strict()
export type AdminSendMediaType = z.infer<typeof AdminSendMedia>
