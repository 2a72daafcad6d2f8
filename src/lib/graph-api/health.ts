import { graphErrorText } from "./meta-error"
import type { CommerceSettings, MessageTemplate, PhoneNumberInfo } from "./types"

export type HealthLine = {
  key: "phone_number" | "webhook_subscription" | "commerce_settings" | "catalog" | "templates" | "account_events"
  label: string
  ok: boolean
  /** What was found, for a green line; what is missing, for a red one. */
  detail: string
  /** The Graph API's own error text when the call failed. */
  error: string | null
  data?: Record<string, unknown>
}

type Settled<T> = PromiseSettledResult<T>

export type HealthInput = {
  phone: Settled<PhoneNumberInfo>
  subscriptions: Settled<{ data: { whatsapp_business_api_data?: { id: string; name?: string } }[] }>
  commerce: Settled<{ data: CommerceSettings[] }>
  catalog: Settled<{ id: string; name: string; product_count?: number }> | null
  templates: Settled<MessageTemplate[]>
}

/** The connection check as green or red lines; a failed call's line carries Meta's error text. */
export function healthLines(input: HealthInput): HealthLine[] {
  const failed = (key: HealthLine["key"], label: string, reason: unknown, detail: string): HealthLine => ({
    key,
    label,
    ok: false,
    detail,
    error: graphErrorText(reason),
  })
  const lines: HealthLine[] = []

  if (input.phone.status === "fulfilled") {
    const p = input.phone.value
    lines.push({
      key: "phone_number",
      label: "Phone number",
      ok: p.quality_rating !== "RED" && p.name_status !== "DECLINED",
      detail: [
        p.verified_name,
        p.display_phone_number,
        `quality ${p.quality_rating ?? "unknown"}`,
        `name ${p.name_status ?? "unknown"}`,
        `limit ${p.messaging_limit_tier ?? "unknown"}`,
      ].join(" · "),
      error: null,
      data: { ...p },
    })
  } else {
    lines.push(failed("phone_number", "Phone number", input.phone.reason, "The phone number could not be read with this token."))
  }

  if (input.subscriptions.status === "fulfilled") {
    const apps = input.subscriptions.value.data ?? []
    lines.push({
      key: "webhook_subscription",
      label: "Webhook subscription",
      ok: apps.length > 0,
      detail: apps.length
        ? `Subscribed: ${apps.map((a) => a.whatsapp_business_api_data?.name ?? a.whatsapp_business_api_data?.id ?? "app").join(", ")}`
        : "No app is subscribed to this WABA's webhooks: messages will not arrive.",
      error: null,
    })
  } else {
    lines.push(failed("webhook_subscription", "Webhook subscription", input.subscriptions.reason, "The subscription could not be read."))
  }

  if (input.commerce.status === "fulfilled") {
    const settings = input.commerce.value.data?.[0] ?? { is_cart_enabled: false, is_catalog_visible: false }
    lines.push({
      key: "commerce_settings",
      label: "Commerce settings",
      ok: !!settings.is_cart_enabled && !!settings.is_catalog_visible,
      detail: `Cart ${settings.is_cart_enabled ? "enabled" : "disabled"} · catalog ${settings.is_catalog_visible ? "visible" : "hidden"}`,
      error: null,
      data: { is_cart_enabled: !!settings.is_cart_enabled, is_catalog_visible: !!settings.is_catalog_visible },
    })
  } else {
    lines.push(failed("commerce_settings", "Commerce settings", input.commerce.reason, "The commerce settings could not be read."))
  }

  if (!input.catalog) {
    lines.push({ key: "catalog", label: "Catalog", ok: false, detail: "No catalog linked to this account.", error: null })
  } else if (input.catalog.status === "fulfilled") {
    const c = input.catalog.value
    lines.push({
      key: "catalog",
      label: "Catalog",
      ok: true,
      detail: `${c.name} (${c.id})${c.product_count !== undefined ? ` · ${c.product_count} items` : ""}`,
      error: null,
    })
  } else {
    lines.push(failed("catalog", "Catalog", input.catalog.reason, "The linked catalog is not reachable with this token."))
  }

  if (input.templates.status === "fulfilled") {
    const approved = input.templates.value.filter((t) => t.status === "APPROVED")
    const pending = input.templates.value.filter((t) => t.status === "PENDING")
    lines.push({
      key: "templates",
      label: "Message templates",
      ok: approved.length > 0,
      detail: approved.length
        ? `${approved.length} approved of ${input.templates.value.length}: ${approved.map((t) => `${t.name} (${t.language})`).slice(0, 5).join(", ")}`
        : pending.length
          ? `${pending.length} waiting for Meta's review (${pending.map((t) => t.name).join(", ")}; usually minutes, up to 24 hours). Until one is approved, nothing can be sent outside the 24-hour window.`
          : "No approved template: outside the 24-hour window nothing can be sent. Submit the store's templates for review from the number's page.",
      error: null,
    })
  } else {
    lines.push(failed("templates", "Message templates", input.templates.reason, "The templates could not be read."))
  }
  return lines
}
