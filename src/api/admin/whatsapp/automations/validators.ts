import { z } from "@medusajs/framework/zod"
import { CONDITION_OPS } from "../../../../lib/automations/conditions"
import { isMaskedSecret } from "../../../../lib/automations/webhook-secrets"
import { AUTOMATION_CONDITION_FIELDS, AUTOMATION_TRIGGERS } from "../../../../types/http/automations"
import { pagination } from "../pagination"

const text = (field: string, max: number) => z.string().trim().min(1, `${field}: must not be empty`).max(max, `${field}: at most ${max} characters`)
const id = (field: string) => text(field, 100)

const action = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("send_text"),
    text: text("text", 4096),
    fallback_template: z.object({ name: text("fallback_template.name", 512), language: text("fallback_template.language", 15) }).nullable().optional(),
  }).strict(),
  z.object({ type: z.literal("send_template"), name: text("name", 512), language: text("language", 15), parameters: z.array(z.string().max(1024)).max(20) }).strict(),
  z.object({
    type: z.literal("send_products"),
    product_ids: z.array(id("product_ids")).max(30),
    variant_ids: z.array(id("variant_ids")).max(30).optional(),
    text: z.string().max(1024).optional(),
  }).strict(),
  z.object({ type: z.literal("send_collection"), collection_id: id("collection_id"), text: z.string().max(1024).optional() }).strict(),
  z.object({ type: z.literal("notify_admins"), title: text("title", 200), text: text("text", 2000), emails: z.array(z.string().email("emails: not an email address")).max(10).optional() }).strict(),
  z.object({ type: z.literal("tag_conversation"), tag: text("tag", 50) }).strict(),
  z.object({ type: z.literal("add_to_customer_group"), customer_group_id: id("customer_group_id") }).strict(),
  z.object({ type: z.literal("assign_conversation"), user_id: id("user_id") }).strict(),
  z.object({ type: z.literal("create_order") }).strict(),
  z.object({ type: z.literal("mark_order_paid") }).strict(),
  z.object({
    type: z.literal("send_discount"),
    kind: z.enum(["percentage", "fixed"]),
    value: z.number().positive("value: must be above 0"),
    expires_in_hours: z.number().int().min(1).max(24 * 90),
    text: text("text", 4096),
  }).strict(),
  z.object({
    type: z.literal("webhook"),
    url: z.string().url("url: not a URL").refine((u) => /^https?:\/\//i.test(u), "url: must be http(s)"),
    // Absent or the mask the API showed: keep the stored secret (workflows/automations/steps: sealWebhookSecrets).
    secret: z.string().max(200).refine((s) => isMaskedSecret(s) || s.length >= 16, "secret: at least 16 characters").optional(),
  }).strict(),
]).superRefine((a, ctx) => {
  if (a.type === "send_products" && !a.product_ids.length && !a.variant_ids?.length) ctx.addIssue({ code: "custom", message: "product_ids: at least one" })
})

const condition = z
  .object({
    field: z.enum(AUTOMATION_CONDITION_FIELDS),
    op: z.enum(["eq", "neq", "gte", "lte", "in", "not_in"]),
    value: z.union([z.string().max(200), z.number(), z.array(z.string().max(200)).min(1).max(100)]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!CONDITION_OPS[c.field].includes(c.op)) ctx.addIssue({ code: "custom", message: `conditions: ${c.field} takes ${CONDITION_OPS[c.field].join(", ")}` })
    if ((c.field === "cart_total" || c.field === "order_total") && !Number.isFinite(Number(c.value))) ctx.addIssue({ code: "custom", message: `conditions: ${c.field} needs a number` })
    if (c.field === "customer_kind" && !["first_order", "returning"].includes(String(c.value))) ctx.addIssue({ code: "custom", message: "conditions: customer_kind is first_order or returning" })
  })

const trigger = z
  .object({
    type: z.enum(AUTOMATION_TRIGGERS),
    keywords: z.array(text("keywords", 100)).max(50, "keywords: at most 50").optional(),
    match: z.enum(["exact", "contains"]).optional(),
  })
  .strict()
  .refine((t) => t.type === "message_received" || !t.keywords?.length, "trigger.keywords: only for message_received")

const fields = {
  name: text("name", 100),
  enabled: z.boolean(),
  account_id: z.string().nullable(),
  priority: z.number().int().min(-1000).max(1000),
  trigger,
  conditions: z.array(condition).max(20),
  delay_minutes: z.number().int().min(0).max(60 * 24 * 30, "delay_minutes: at most 30 days"),
  actions: z.array(action).min(1, "actions: at least one").max(10, "actions: at most 10"),
}

export const AdminCreateAutomation = z
  .object(fields)
  .partial()
  .required({ name: true, trigger: true, actions: true })
  .strict()
export type AdminCreateAutomationType = z.infer<typeof AdminCreateAutomation>

export const AdminUpdateAutomation = z.object(fields).partial().strict()
export type AdminUpdateAutomationType = z.infer<typeof AdminUpdateAutomation>

export const AdminTestAutomation = z
  .object({ conversation_id: z.string().optional(), cart_id: z.string().optional(), order_id: z.string().optional(), text: z.string().max(4096).optional() })
  .strict()
export type AdminTestAutomationType = z.infer<typeof AdminTestAutomation>

export const AdminListAutomations = z.object({ ...pagination({ max: 200, byDefault: 50 }) }).strict()
export const AdminListAutomationRuns = z.object({ ...pagination({ max: 100, byDefault: 20 }) }).strict()
