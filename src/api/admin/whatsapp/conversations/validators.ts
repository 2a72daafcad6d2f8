import { z } from "@medusajs/framework/zod"
import { pagination } from "../pagination"

const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean().optional())

export const AdminListConversations = z.object({
  account_id: z.string().optional(),
  /** A phone (any notation), a BSUID, a username or a name; former phones and BSUIDs match too. */
  q: z.string().trim().min(2).max(140).optional(),
  customer_id: z.string().optional(),
  unread: flag,
  has_cart: flag,
  inquiry: flag,
  opted_out: flag,
  /** Handed off to a person (auto-replies paused). */
  handoff: flag,
  /** `me` (the admin asking), `none` (unassigned) or an admin user id. */
  assigned: z.string().trim().min(1).max(100).optional(),
  status: z.enum(["open", "closed"], { message: 'status: "open" or "closed"' }).optional(),
  /** A cursor from an earlier answer: only conversations changed after it (the view filters do not apply). */
  updated_since: z.string().regex(/^\d{1,20}$/, "updated_since: a cursor returned by the inbox (digits only)").optional(),
  ...pagination({ max: 200, byDefault: 50 }),
})
export type AdminListConversationsType = z.infer<typeof AdminListConversations>

export const AdminListMessages = z.object({
  ...pagination({ max: 500, byDefault: 100 }),
})
export type AdminListMessagesType = z.infer<typeof AdminListMessages>

/** A reply: free-form text (inside the 24-hour window) or an approved template (any time). */
export const AdminSendText = z
  .object({
    text: z.string().trim().min(1, "text is required").max(4096, "text is longer than 4096 characters").optional(),
    template: z
      .object({
        name: z.string().min(1).max(512),
        language: z.string().min(2).max(15),
        /** Body parameters in order ({{1}}, {{2}}…). */
        body_parameters: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
      })
      .optional(),
    idempotency_key: z.string().min(8).max(255).optional(),
  })
  .strict()
  .refine((b) => !!b.text !== !!b.template, { message: "send either `text` or `template`" })
export type AdminSendTextType = z.infer<typeof AdminSendText>

/** Assign (null unassigns) and open or close; at least one of them. */
export const AdminUpdateConversation = z
  .object({
    assigned_to_id: z.string().trim().min(1, "assigned_to_id: empty").max(100).nullable().optional(),
    status: z.enum(["open", "closed"], { message: 'status: "open" or "closed"' }).optional(),
  })
  .strict()
  .refine((b) => b.assigned_to_id !== undefined || b.status !== undefined, { message: "send assigned_to_id or status" })
export type AdminUpdateConversationType = z.infer<typeof AdminUpdateConversation>
