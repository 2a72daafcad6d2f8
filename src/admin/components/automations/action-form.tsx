import { Input, Label, Select, Text } from "@medusajs/ui"
import type { AutomationAction } from "../../../types/http/automations"
import { AutomationTemplateSelect } from "./automation-template-select"
import { EntityPicker } from "./entity-picker"
import { VariableText } from "./variable-text"

type Props<A extends AutomationAction = AutomationAction> = {
  action: A
  onChange: (action: AutomationAction) => void
  /** The number whose templates are offered (the rule's, or the first one for "every number"). */
  accountId: string | undefined
  testId: string
  onLabels: (labels: Record<string, string>) => void
}

/** A blank action of each type, as the editor adds it. */
export function emptyAction(type: AutomationAction["type"]): AutomationAction {
  switch (type) {
    case "send_text": return { type, text: "", fallback_template: null }
    case "send_template": return { type, name: "", language: "", parameters: [] }
    case "send_products": return { type, product_ids: [], text: "" }
    case "send_collection": return { type, collection_id: "", text: "" }
    case "notify_admins": return { type, title: "", text: "", emails: [] }
    case "tag_conversation": return { type, tag: "" }
    case "add_to_customer_group": return { type, customer_group_id: "" }
    case "assign_conversation": return { type, user_id: "" }
    case "create_order": return { type }
    case "mark_order_paid": return { type }
    case "send_discount": return { type, kind: "percentage", value: 10, expires_in_hours: 48, text: "" }
    case "webhook": return { type, url: "", secret: "" }
  }
}

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small">{label}</Label>
    {children}
  </div>
)

const list = (value: string) => value.split(",").map((v) => v.trim()).filter(Boolean)

/** The fields of one action, by type. */
export const ActionForm = ({ action, onChange, accountId, testId, onLabels }: Props) => {
  const t = (field: string) => `${testId}-${field}`
  switch (action.type) {
    case "send_text":
      return (
        <div className="flex flex-col gap-y-3">
          <VariableText label="Text" value={action.text} onChange={(text) => onChange({ ...action, text })} testId={t("text")} placeholder="Your total is {{cart_total}}" />
          <Field label="Outside the 24-hour window, send this template instead">
            <AutomationTemplateSelect
              optional
              accountId={accountId}
              value={action.fallback_template ?? null}
              onChange={(ref) => onChange({ ...action, fallback_template: ref })}
              testId={t("fallback-template")}
            />
          </Field>
        </div>
      )
    case "send_template":
      return (
        <div className="flex flex-col gap-y-3">
          <AutomationTemplateSelect
            accountId={accountId}
            value={action.name ? { name: action.name, language: action.language } : null}
            onChange={(ref, template) =>
              onChange({ ...action, name: ref?.name ?? "", language: ref?.language ?? "", parameters: Array.from({ length: template?.body_parameters ?? 0 }, (_, i) => action.parameters[i] ?? "") })
            }
            testId={t("template")}
          />
          {action.parameters.map((p, i) => (
            <VariableText
              key={i}
              single
              label={`Body parameter {{${i + 1}}}`}
              value={p}
              onChange={(value) => onChange({ ...action, parameters: action.parameters.map((old, j) => (j === i ? value : old)) })}
              testId={t(`parameter-${i}`)}
            />
          ))}
        </div>
      )
    case "send_products":
      return (
        <div className="flex flex-col gap-y-3">
          <Field label="Products">
            <EntityPicker kind="product" multiple value={action.product_ids} onChange={(product_ids) => onChange({ ...action, product_ids })} testId={t("products")} onLabels={onLabels} />
          </Field>
          <VariableText single label="Text (optional)" value={action.text ?? ""} onChange={(text) => onChange({ ...action, text })} testId={t("text")} />
        </div>
      )
    case "send_collection":
      return (
        <div className="flex flex-col gap-y-3">
          <Field label="Collection">
            <EntityPicker
              kind="collection"
              value={action.collection_id ? [action.collection_id] : []}
              onChange={([collection_id]) => onChange({ ...action, collection_id: collection_id ?? "" })}
              testId={t("collection")}
              onLabels={onLabels}
            />
          </Field>
          <VariableText single label="Text (optional)" value={action.text ?? ""} onChange={(text) => onChange({ ...action, text })} testId={t("text")} />
        </div>
      )
    case "notify_admins":
      return (
        <div className="flex flex-col gap-y-3">
          <VariableText single label="Title" value={action.title} onChange={(title) => onChange({ ...action, title })} testId={t("title")} placeholder="New WhatsApp cart" />
          <VariableText label="Text" value={action.text} onChange={(text) => onChange({ ...action, text })} testId={t("text")} />
          <Field label="Also email (comma-separated, through the store's email provider)">
            <Input size="small" value={(action.emails ?? []).join(", ")} onChange={(e) => onChange({ ...action, emails: list(e.target.value) })} data-testid={t("emails")} />
          </Field>
        </div>
      )
    case "tag_conversation":
      return <VariableText single label="Tag" value={action.tag} onChange={(tag) => onChange({ ...action, tag })} testId={t("tag")} />
    case "add_to_customer_group":
      return (
        <Field label="Customer group">
          <EntityPicker
            kind="customer_group"
            value={action.customer_group_id ? [action.customer_group_id] : []}
            onChange={([id]) => onChange({ ...action, customer_group_id: id ?? "" })}
            testId={t("customer-group")}
            onLabels={onLabels}
          />
        </Field>
      )
    case "assign_conversation":
      return (
        <Field label="Assign to">
          <EntityPicker kind="user" value={action.user_id ? [action.user_id] : []} onChange={([id]) => onChange({ ...action, user_id: id ?? "" })} testId={t("user")} onLabels={onLabels} />
        </Field>
      )
    case "create_order":
      return <Text size="small" className="text-ui-fg-subtle">Completes the cart at once with manual payment (cash on delivery); the order confirmation follows.</Text>
    case "mark_order_paid":
      return <Text size="small" className="text-ui-fg-subtle">Captures the order's manual payment.</Text>
    case "send_discount":
      return (
        <div className="flex flex-col gap-y-3">
          <div className="grid grid-cols-3 gap-3">
            <Field label="Kind">
              <Select value={action.kind} onValueChange={(kind) => onChange({ ...action, kind: kind as "percentage" | "fixed" })}>
                <Select.Trigger data-testid={t("kind")}><Select.Value /></Select.Trigger>
                <Select.Content>
                  <Select.Item value="percentage">Percentage</Select.Item>
                  <Select.Item value="fixed">Fixed amount</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field label={action.kind === "percentage" ? "Percent off" : "Amount off"}>
              <Input size="small" type="number" min={0} value={action.value} onChange={(e) => onChange({ ...action, value: Number(e.target.value) })} data-testid={t("value")} />
            </Field>
            <Field label="Expires after (hours)">
              <Input size="small" type="number" min={1} value={action.expires_in_hours} onChange={(e) => onChange({ ...action, expires_in_hours: Number(e.target.value) })} data-testid={t("expires")} />
            </Field>
          </div>
          <VariableText label="Text" value={action.text} onChange={(text) => onChange({ ...action, text })} testId={t("text")} placeholder="Your code {{discount_code}} expires {{discount_expires_at}}" />
        </div>
      )
    case "webhook":
      return (
        <div className="grid grid-cols-2 gap-3">
          <Field label="URL">
            <Input size="small" type="url" value={action.url} onChange={(e) => onChange({ ...action, url: e.target.value })} data-testid={t("url")} placeholder="https://" />
          </Field>
          <Field label="Signing secret (HMAC-SHA256, at least 16 characters)">
            {/* A saved secret comes back masked ("••••abcd"): left as it is, the stored secret is kept. */}
            <Input size="small" type="password" value={action.secret} onChange={(e) => onChange({ ...action, secret: e.target.value })} onFocus={(e) => e.target.select()} placeholder="Stored secrets stay hidden; type to replace" data-testid={t("secret")} />
          </Field>
        </div>
      )
  }
}
