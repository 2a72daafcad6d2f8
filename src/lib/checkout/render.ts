import type { SupportedLanguage } from "../account-settings"
import { formatMoney } from "../chat-format"
import { pageText, providerLabel } from "./page-texts"

/**
 * The hosted checkout, rendered on the server: plain HTML forms that work
 * without JavaScript, mobile-first, every interpolated value escaped.
 */

export const CHECKOUT_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "province",
  "country_code",
  "phone",
] as const
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number] | "shipping_option_id" | "provider_id" | `qty_${string}`

export type CheckoutView = {
  lang: SupportedLanguage
  storeName: string
  action: string
  csrf: string
  currency: string
  items: { id: string; title: string; subtitle: string | null; thumbnail: string | null; quantity: number; total: number }[]
  totals: { subtotal: number; shipping: number; tax: number; discount: number; total: number }
  /** The promotion codes Medusa applied to the cart (a recovery reminder's, say), named beside the discount. */
  promoCodes?: string[]
  values: Partial<Record<string, string>>
  errors: Partial<Record<string, string>>
  notice?: string
  /** The notice says the total changed since the customer last saw it (nothing was charged). */
  totalChanged?: boolean
  countries: { code: string; name: string }[]
  shippingOptions: { id: string; name: string; amount: number }[]
  /** Whether the cart already has a delivery method, so its total includes delivery. */
  shippingChosen: boolean
  /** No country yet: Medusa can't tell which delivery options apply. */
  needsCountry: boolean
  providers: string[]
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:560px;margin:0 auto;padding:16px}h1{font-size:1.35rem;margin:.25rem 0 1rem}h2{font-size:1.05rem;margin:0 0 .75rem}
section{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.store{color:#52525b;font-size:.9rem}.item{display:flex;gap:12px;align-items:center;padding:8px 0;border-bottom:1px solid #f4f4f5}
.item img,.item .ph{width:56px;height:56px;border-radius:8px;object-fit:cover;background:#e4e4e7;flex:none}.item .info{flex:1;min-width:0}
.item .sub{color:#71717a;font-size:.85rem}.item .qty{width:64px}.row{display:flex;justify-content:space-between;padding:2px 0}
.row.total{font-weight:700;font-size:1.1rem;border-top:1px solid #e4e4e7;margin-top:6px;padding-top:8px}
label{display:block;font-size:.85rem;color:#3f3f46;margin:10px 0 4px}input,select{width:100%;padding:11px 12px;font-size:16px;border:1px solid #d4d4d8;border-radius:8px;background:#fff}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 10px}.err{color:#b91c1c;font-size:.85rem;margin-top:4px}.bad input,.bad select{border-color:#b91c1c}
.choice{display:flex;gap:10px;align-items:center;border:1px solid #d4d4d8;border-radius:8px;padding:12px;margin:8px 0}.choice input{width:auto}
.choice span{flex:1}button{font:inherit;cursor:pointer}.primary{width:100%;padding:14px;border:0;border-radius:10px;background:#16a34a;color:#fff;font-size:1.05rem;font-weight:600}
.link{background:none;border:0;color:#2563eb;padding:0;font-size:.85rem}.secondary{padding:8px 14px;border:1px solid #d4d4d8;border-radius:8px;background:#fff}
.notice{background:#fef2f2;color:#991b1b;border-radius:10px;padding:12px;margin-bottom:12px}.muted{color:#71717a;font-size:.85rem}
.center{text-align:center;padding:40px 16px}`

function page(lang: SupportedLanguage, title: string, body: string, head = ""): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${head}<style>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

/** What the contact and address sections read: the checkout page's view or the delivery page's. */
type FormFields = Pick<CheckoutView, "lang" | "values" | "errors" | "countries">

function field(view: FormFields, name: string, label: string, attrs = ""): string {
  const error = view.errors[name]
  return `<div class="${error ? "bad" : ""}"><label for="${name}">${escapeHtml(label)}</label>
<input id="${name}" name="${name}" value="${escapeHtml(view.values[name] ?? "")}" ${attrs}>${error ? `<div class="err" role="alert">${escapeHtml(error)}</div>` : ""}</div>`
}

function errorLine(view: FormFields, name: string): string {
  const error = view.errors[name]
  return error ? `<div class="err" role="alert">${escapeHtml(error)}</div>` : ""
}

export function renderCheckoutPage(view: CheckoutView): string {
  const t = (key: Parameters<typeof pageText>[1]) => pageText(view.lang, key)
  const money = (amount: number) => formatMoney(amount, view.currency, view.lang)
  const items = view.items
    .map(
      (i) => `<div class="item">${i.thumbnail ? `<img src="${escapeHtml(i.thumbnail)}" alt="">` : `<div class="ph"></div>`}
<div class="info"><div>${escapeHtml(i.title)}</div>${i.subtitle ? `<div class="sub">${escapeHtml(i.subtitle)}</div>` : ""}
<div class="sub">${money(i.total)}</div>${errorLine(view, `qty_${i.id}`)}</div>
<div><label for="qty_${i.id}" class="sub">${t("quantity")}</label><input class="qty" id="qty_${i.id}" name="qty_${i.id}" type="number" min="0" max="99" inputmode="numeric" value="${escapeHtml(view.values[`qty_${i.id}`] ?? i.quantity)}">
<button class="link" name="intent" value="remove:${escapeHtml(i.id)}" formnovalidate>${t("remove")}</button></div></div>`
    )
    .join("")
  const totals = totalRows(view.lang, view.currency, view.totals, view.shippingChosen, view.promoCodes)
  const shipping = view.shippingOptions.length
    ? view.shippingOptions
        .map(
          (o) => `<label class="choice"><input type="radio" name="shipping_option_id" value="${escapeHtml(o.id)}"${view.values.shipping_option_id === o.id ? " checked" : ""}>
<span>${escapeHtml(o.name)}</span><strong>${o.amount === 0 ? t("free") : money(o.amount)}</strong></label>`
        )
        .join("")
    : `<p class="muted">${t(view.needsCountry ? "noShipping" : "noDelivery")}</p>`
  const providers = view.providers
    .map(
      (id) => `<label class="choice"><input type="radio" name="provider_id" value="${escapeHtml(id)}"${view.values.provider_id === id ? " checked" : ""}>
<span>${escapeHtml(providerLabel(view.lang, id))}</span></label>`
    )
    .join("")
  const manualOnly = view.providers.every((p) => p.startsWith("pp_system"))

  const body = `<div class="store">${escapeHtml(view.storeName)}</div><h1>${t("title")}</h1>
${view.notice ? `<div class="notice" role="alert"${view.totalChanged ? ' id="total-changed"' : ""}>${escapeHtml(view.notice)}</div>` : ""}
<form method="post" action="${escapeHtml(view.action)}" novalidate>
<input type="hidden" name="_csrf" value="${escapeHtml(view.csrf)}">
<input type="hidden" name="expected_total" value="${escapeHtml(view.totals.total)}">
<section><h2>${t("yourCart")}</h2>${items || `<p>${t("empty")}</p>`}
<div style="text-align:right;margin-top:8px"><button class="secondary" name="intent" value="update" formnovalidate>${t("update")}</button></div>
<div style="margin-top:10px">${totals}<div class="row total"><span>${t("total")}</span><span id="total">${money(view.totals.total)}</span></div></div></section>
${detailSections(view)}
<section><h2>${t("delivery")}</h2>${shipping}${errorLine(view, "shipping_option_id")}</section>
<section><h2>${t("payment")}</h2>${providers}${errorLine(view, "provider_id")}
${manualOnly ? "" : `<p class="muted">${t("secure")}</p>`}</section>
<button class="primary" name="intent" value="pay" ${view.items.length ? "" : "disabled"}><span id="pay-label">${manualOnly ? t("placeOrder") : t("pay")}</span> <span id="pay-amount">${money(view.totals.total)}</span></button>
</form>`
  return page(view.lang, t("title"), body)
}

function totalRows(lang: SupportedLanguage, currency: string, totals: CheckoutView["totals"], shippingChosen: boolean, promoCodes?: string[]): string {
  const t = (key: Parameters<typeof pageText>[1]) => pageText(lang, key)
  return [
    [t("subtotal"), totals.subtotal],
    [t("shipping"), shippingChosen ? totals.shipping : null],
    ...(totals.discount ? [[promoCodes?.length ? `${t("discount")} (${promoCodes.join(", ")})` : t("discount"), -totals.discount] as const] : []),
    [t("taxes"), totals.tax],
  ]
    .map(
      ([label, amount]) =>
        `<div class="row"><span>${escapeHtml(label)}</span><span>${amount === null ? escapeHtml(t("shippingNotChosen")) : formatMoney(Number(amount), currency, lang)}</span></div>`
    )
    .join("")
}

/** Contact and shipping address: the same fields, labels and errors on the checkout and the delivery-details page. */
function detailSections(view: FormFields): string {
  const t = (key: Parameters<typeof pageText>[1]) => pageText(view.lang, key)
  const countries = view.countries
    .map((c) => `<option value="${escapeHtml(c.code)}"${view.values.country_code === c.code ? " selected" : ""}>${escapeHtml(c.name)}</option>`)
    .join("")
  return `<section><h2>${t("contact")}</h2>${field(view, "email", t("email"), 'type="email" autocomplete="email" required')}
${field(view, "phone", t("phone"), 'type="tel" autocomplete="tel"')}</section>
<section><h2>${t("address")}</h2><div class="grid">${field(view, "first_name", t("firstName"), 'autocomplete="given-name" required')}
${field(view, "last_name", t("lastName"), 'autocomplete="family-name" required')}</div>
${field(view, "address_1", t("address1"), 'autocomplete="address-line1" required')}${field(view, "address_2", t("address2"), 'autocomplete="address-line2"')}
<div class="grid">${field(view, "postal_code", t("postalCode"), 'autocomplete="postal-code" required')}${field(view, "city", t("city"), 'autocomplete="address-level2" required')}</div>
${field(view, "province", t("province"), 'autocomplete="address-level1"')}
<div class="${view.errors.country_code ? "bad" : ""}"><label for="country_code">${t("country")}</label><select id="country_code" name="country_code" autocomplete="country">
<option value="">—</option>${countries}</select>${errorLine(view, "country_code")}</div></section>`
}

/**
 * Order on submit: the delivery details of an order already placed. The
 * order's lines and Medusa's order totals (what is charged), then the same
 * contact and address fields as the checkout; read-only once shipped.
 */
export type DeliveryView = FormFields & {
  storeName: string
  action: string
  csrf: string
  currency: string
  displayId: number | string
  items: { title: string; subtitle: string | null; quantity: number; total: number }[]
  totals: CheckoutView["totals"]
  notice?: string
  /** Fulfilled (or canceled): the address is shown, no longer changed here. */
  readOnly: boolean
}

export function renderDeliveryPage(view: DeliveryView): string {
  const t = (key: Parameters<typeof pageText>[1]) => pageText(view.lang, key)
  const money = (amount: number) => formatMoney(amount, view.currency, view.lang)
  const items = view.items
    .map(
      (i) => `<div class="item"><div class="info"><div>${i.quantity} × ${escapeHtml(i.title)}</div>${i.subtitle ? `<div class="sub">${escapeHtml(i.subtitle)}</div>` : ""}</div>
<div>${money(i.total)}</div></div>`
    )
    .join("")
  const order = `<section><h2>${escapeHtml(pageText(view.lang, "orderNumber", { n: view.displayId }))}</h2>${items}
<div style="margin-top:10px">${totalRows(view.lang, view.currency, view.totals, true)}<div class="row total"><span>${t("total")}</span><span id="total">${money(view.totals.total)}</span></div></div></section>`
  const v = view.values
  const details = view.readOnly
    ? `<section id="delivery-address"><h2>${t("address")}</h2><p>${[
        `${v.first_name ?? ""} ${v.last_name ?? ""}`.trim(),
        v.address_1,
        v.address_2,
        `${v.postal_code ?? ""} ${v.city ?? ""}`.trim(),
        v.province,
        v.country_code?.toUpperCase(),
        v.phone,
        v.email,
      ]
        .filter(Boolean)
        .map(escapeHtml)
        .join("<br>")}</p><p class="muted">${t("deliveryLocked")}</p></section>`
    : `<form method="post" action="${escapeHtml(view.action)}" novalidate>
<input type="hidden" name="_csrf" value="${escapeHtml(view.csrf)}">
${detailSections(view)}
<button class="primary" name="intent" value="save">${t("saveDelivery")}</button></form>`
  const body = `<div class="store">${escapeHtml(view.storeName)}</div><h1>${t("deliveryTitle")}</h1>
${view.notice ? `<div class="notice" role="alert">${escapeHtml(view.notice)}</div>` : ""}${order}${details}`
  return page(view.lang, t("deliveryTitle"), body)
}

export function renderNoticePage(lang: SupportedLanguage, title: string, body: string, extra = ""): string {
  return page(lang, title, `<section class="center"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${extra}</section>`)
}

export function renderProcessingPage(lang: SupportedLanguage): string {
  const title = pageText(lang, "processingTitle")
  return page(
    lang,
    title,
    `<section class="center"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(pageText(lang, "processingBody"))}</p></section>`,
    `<meta http-equiv="refresh" content="3">`
  )
}

export function renderDonePage(
  lang: SupportedLanguage,
  order: { display_id: number | string; awaiting_payment: boolean; total: number; currency: string },
  chatUrl: string | null,
  title = pageText(lang, "doneTitle")
): string {
  const body = pageText(lang, order.awaiting_payment ? "awaitingBody" : "doneBody", { n: order.display_id })
  const back = chatUrl ? `<p><a class="primary" style="display:inline-block;text-decoration:none;width:auto;padding:12px 20px" href="${escapeHtml(chatUrl)}">${escapeHtml(pageText(lang, "backToChat"))}</a></p>` : ""
  return renderNoticePage(lang, title, body, `<p id="order-total"><strong>${escapeHtml(formatMoney(order.total, order.currency, lang))}</strong></p>${back}`)
}
