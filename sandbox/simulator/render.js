// Pure rendering for the phone simulator: a small DOM builder, WhatsApp text
// formatting, catalog grouping and one bubble per message kind. No state and
// no network here: app.js hands each bubble what it needs (catalog lookups,
// templates, callbacks), so a re-render never has side effects.

/** Builds an element; strings become text nodes (never HTML) so content is always escaped. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (key === "class") el.className = value
    else if (key === "html") el.innerHTML = value // only ever fed escaped text or the constant icons below
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value)
    else if (key in el && typeof value !== "string") el[key] = value
    else el.setAttribute(key, value === true ? "" : value)
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue
    el.append(child instanceof Node ? child : String(child))
  }
  return el
}

// Inline icons: the page may load nothing from outside, and emoji fonts may be missing.
export const ICONS = {
  back: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z"/></svg>',
  store: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16l2 5a2.5 2.5 0 0 1-5 0 2.5 2.5 0 0 1-5 0 2.5 2.5 0 0 1-5 0 2.5 2.5 0 0 1-5 0zm0 9.5h2V19h4v-5h4v5h4v-6.5h2V21H4z"/></svg>',
  cart: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4H2V2h4.5l.9 2H21l-3.4 8.1a2 2 0 0 1-1.8 1.2H8.1L7 15.5h12v2H5.3a1.5 1.5 0 0 1-1.3-2.3l1.5-2.7L5.2 4z"/></svg>',
  send: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M2 21l21-9L2 3v7l15 2-15 2z"/></svg>',
  external: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z"/></svg>',
  reply: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z"/></svg>',
  list: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 5h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7z"/></svg>',
  clock: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z"/></svg>',
  clip: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"/></svg>',
  photo: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3 3.5-4.5 4.5 6H5z"/></svg>',
}
export const icon = (name) => h("span", { class: `icon icon-${name}`, html: ICONS[name] })

// ---------- text ----------

export function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
}

/** WhatsApp's marks on already-escaped text; a mark must hug its words like WhatsApp requires. */
function styleMarks(html) {
  return html
    .replace(/```([\s\S]+?)```/g, "<code>$1</code>")
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/(^|[^\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?!\w)/g, "$1<em>$2</em>")
    .replace(/(^|[^\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?!\w)/g, "$1<del>$2</del>")
}

/** Text → safe HTML: escape first, then marks; URLs are split out so marks never touch an href. */
export function formatText(text) {
  const source = String(text ?? "")
  let html = ""
  let last = 0
  for (const match of source.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,!?:;)*_~]+$/, "") // trailing punctuation is not part of a link
    html += styleMarks(escapeHtml(source.slice(last, match.index)))
    html += `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(url)}</a>`
    last = match.index + url.length
  }
  return html + styleMarks(escapeHtml(source.slice(last)))
}

const textBlock = (text, cls = "text") => (text ? h("div", { class: cls, html: formatText(text) }) : null)

// ---------- money and catalog ----------

/** Meta's catalog price "19.99 EUR" → { amount, currency }. */
export function parsePrice(price) {
  const m = /^\s*(\d+(?:\.\d+)?)\s+([A-Z]{3})\s*$/.exec(String(price ?? ""))
  return m ? { amount: Number(m[1]), currency: m[2] } : null
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount)
  } catch {
    return `${Number(amount).toFixed(2)} ${currency}`
  }
}

export const priceLabel = (item) => {
  const p = parsePrice(item?.price)
  return p ? money(p.amount, p.currency) : item?.price || ""
}

export const isAvailable = (item) => !["out of stock", "discontinued"].includes(String(item?.availability ?? "").toLowerCase())

/** The product title shared by a group's items: the plugin titles variants "Product - S / Red". */
function sharedTitle(items) {
  const parts = items.map((i) => String(i.title ?? "").split(" - "))
  if (items.length === 1) {
    const hasOptions = items[0].size || items[0].color
    return hasOptions && parts[0].length > 1 ? parts[0].slice(0, -1).join(" - ") : items[0].title ?? ""
  }
  let n = 0
  while (parts.every((p) => p.length > n + 1 && p[n] === parts[0][n])) n++
  return n ? parts[0].slice(0, n).join(" - ") : items[0].title ?? ""
}

/** Catalog items grouped into products (by item_group_id), each with its variants. */
export function groupCatalog(items) {
  const groups = new Map()
  for (const item of items) {
    const key = String(item.item_group_id || item.id)
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key).push(item)
  }
  return [...groups].map(([id, list]) => {
    const title = sharedTitle(list)
    const variants = list.map((item) => {
      const full = String(item.title ?? item.id)
      return { ...item, variantTitle: full.startsWith(`${title} - `) ? full.slice(title.length + 3) : full }
    })
    const prices = variants.map((v) => parsePrice(v.price)).filter(Boolean)
    const cheapest = prices.reduce((min, p) => (!min || p.amount < min.amount ? p : min), null)
    return {
      id,
      title,
      variants,
      brand: list[0].brand,
      description: list.find((i) => i.description)?.description ?? "",
      image: list.find((i) => i.image_link)?.image_link ?? "",
      fromPrice: cheapest,
      pricesDiffer: new Set(prices.map((p) => `${p.amount} ${p.currency}`)).size > 1,
      available: list.some(isAvailable),
    }
  })
}

/** A product image; a neutral placeholder when there is none or it fails to load. */
export function productImage(src, alt = "", cls = "thumb") {
  const placeholder = () => h("span", { class: `${cls} placeholder`, role: "img", "aria-label": alt || "No image", html: ICONS.photo })
  if (!src) return placeholder()
  const img = h("img", { class: cls, src, alt, loading: "lazy", decoding: "async" })
  img.addEventListener("error", () => img.replaceWith(placeholder()), { once: true })
  return img
}

// ---------- chat pieces ----------

export const clock = (at) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
export const dayKey = (at) => new Date(at).toDateString()

export function dayLabel(at) {
  const key = dayKey(at)
  if (key === dayKey(Date.now())) return "Today"
  if (key === dayKey(Date.now() - 86400000)) return "Yesterday"
  return new Date(at).toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" })
}

export const dayDivider = (at) => h("div", { class: "day", role: "separator" }, h("span", {}, dayLabel(at)))

/** ✓ sent, ✓✓ delivered, blue ✓✓ read; a clock while the sandbox has not answered yet. */
export function ticks(status) {
  const label = { pending: "Sending", sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" }[status] ?? status
  const marks = { sent: "✓", delivered: "✓✓", read: "✓✓", failed: "!" }[status]
  const props = { class: `ticks ticks-${status}`, "data-testid": "ticks", "data-status": status, title: label, "aria-label": label }
  return status === "pending" ? h("span", { ...props, html: ICONS.clock }) : h("span", props, marks ?? "")
}

export function kindOf(message) {
  const type = message?.type
  if (type === "revoked") return "revoked"
  if (type === "text" || type === "order" || type === "template") return type
  if (["image", "video", "audio", "document", "sticker"].includes(type)) return "media"
  if (type === "button") return "text" // a tap on a template's quick-reply button reads as its text
  if (type === "interactive") {
    const t = message.interactive?.type
    if (["product", "product_list", "catalog_message", "cta_url", "button"].includes(t)) return t
    if (t === "button_reply" || t === "list_reply") return "text"
  }
  return "unknown"
}

/** Header, body and footer of an interactive message (header may be text or an image). */
function frame(i) {
  const header = i.header
  return [
    header?.type === "text" ? h("div", { class: "header-text" }, header.text) : null,
    header?.type === "image" && header.image?.link ? productImage(header.image.link, "", "header-image") : null,
    textBlock(i.body?.text),
    i.footer?.text ? h("div", { class: "footer" }, i.footer.text) : null,
  ]
}

function productCard(retailerId, ctx) {
  const item = ctx.item(retailerId)
  return h(
    "button",
    { type: "button", class: "product-card", "data-testid": "product-card", "data-retailer-id": retailerId, onclick: () => ctx.openProduct(retailerId) },
    productImage(item?.image_link, item?.title, "card-image"),
    h("span", { class: "card-info" }, h("strong", { class: "card-title" }, item?.title ?? `Product ${retailerId}`), h("span", { class: "card-price" }, item ? priceLabel(item) : "Not in the catalog")),
  )
}

const actionButton = (label, props, iconName) => h("button", { type: "button", class: "action", ...props }, iconName ? icon(iconName) : null, label)

function replyButton(title, onclick) {
  return actionButton(title, { "data-testid": "reply-button", onclick }, "reply")
}

function linkButton(label, url, extra = {}) {
  return h("a", { class: "action", href: url, target: "_blank", rel: "noopener noreferrer", "data-testid": "cta-button", ...extra }, icon("external"), label)
}

// Each renderer returns { body: nodes inside the bubble card, actions: buttons under it }.
const RENDERERS = {
  revoked: () => ({ body: h("p", { class: "revoked", "data-testid": "revoked" }, "🚫 You deleted this message") }),
  text(message, ctx) {
    const referred = message.context?.referred_product?.product_retailer_id
    const item = referred ? ctx.item(referred) : null
    const quote = referred
      ? h("button", { type: "button", class: "quote", "data-testid": "referred-product", onclick: () => ctx.openProduct(referred) }, productImage(item?.image_link, "", "quote-image"), h("span", {}, h("strong", {}, item?.title ?? referred), h("small", {}, item ? priceLabel(item) : "")))
      : null
    const body = message.text?.body ?? message.interactive?.button_reply?.title ?? message.interactive?.list_reply?.title ?? message.button?.text
    return { body: [quote, textBlock(body)] }
  },
  product(message, ctx) {
    const i = message.interactive
    return { body: [productCard(i.action?.product_retailer_id, ctx), ...frame({ ...i, header: null })], actions: [actionButton("View", { "data-testid": "view-product", onclick: () => ctx.openProduct(i.action?.product_retailer_id) })] }
  },
  product_list(message, ctx) {
    const i = message.interactive
    const ids = (i.action?.sections ?? []).flatMap((s) => (s.product_items ?? []).map((p) => p.product_retailer_id))
    const first = ids.map((id) => ctx.item(id)).find(Boolean)
    const cover = h("div", { class: "list-cover" }, productImage(first?.image_link, "", "cover-image"), h("span", { class: "cover-count" }, `${ids.length} item${ids.length === 1 ? "" : "s"}`))
    return { body: [cover, ...frame(i)], actions: [actionButton("View items", { "data-testid": "product-list", onclick: () => ctx.openList(i) }, "list")] }
  },
  catalog_message(message, ctx) {
    const i = message.interactive
    const thumb = ctx.item(i.action?.parameters?.thumbnail_product_retailer_id) ?? ctx.firstItem()
    return { body: [h("div", { class: "catalog-cover" }, productImage(thumb?.image_link, "", "cover-image"), h("span", {}, icon("store"), ctx.businessName())), ...frame(i)], actions: [actionButton("View catalog", { "data-testid": "open-catalog", onclick: () => ctx.openCatalog() }, "store")] }
  },
  cta_url(message) {
    const i = message.interactive
    const p = i.action?.parameters ?? {}
    return { body: frame(i), actions: [linkButton(p.display_text ?? p.url, p.url)] }
  },
  button(message, ctx) {
    const i = message.interactive
    const replies = (i.action?.buttons ?? []).map((b) => b.reply ?? {})
    return { body: frame(i), actions: replies.map((r) => replyButton(r.title, () => ctx.reply(r))) }
  },
  template(message, ctx) {
    const t = message.template ?? {}
    const given = t.components ?? []
    const paramsOf = (type) => (given.find((c) => c.type === type)?.parameters ?? []).map(paramText)
    const known = ctx.template(t.name, t.language?.code)
    if (!known) {
      const list = given.flatMap((c) => (c.parameters ?? []).map((p) => h("li", {}, `${c.type}${c.index !== undefined ? ` ${c.index}` : ""}: ${paramText(p)}`)))
      return { body: [h("div", { class: "header-text" }, `Template “${t.name}” (${t.language?.code ?? "?"})`), h("div", { class: "footer" }, "Not among the sandbox's templates"), list.length ? h("ul", { class: "params" }, list) : null] }
    }
    const fill = (text, params) => String(text ?? "").replace(/\{\{(\d+)\}\}/g, (m, n) => params[Number(n) - 1] ?? m)
    const part = (type) => (known.components ?? []).find((c) => String(c.type).toUpperCase() === type)
    const header = part("HEADER")
    const actions = (part("BUTTONS")?.buttons ?? []).map((b, index) => {
      const kind = String(b.type).toUpperCase()
      const param = given.find((c) => c.type === "button" && String(c.index) === String(index))
      if (kind === "URL") return linkButton(b.text, fill(b.url, (param?.parameters ?? []).map(paramText)), { "data-template-button": index })
      if (kind === "PHONE_NUMBER") return h("a", { class: "action", href: `tel:${b.phone_number}` }, b.text)
      const payload = param?.parameters?.[0]?.payload ?? b.text
      return replyButton(b.text, () => ctx.quickReply(b.text, payload))
    })
    return {
      body: [
        header && (!header.format || header.format === "TEXT") ? h("div", { class: "header-text" }, fill(header.text, paramsOf("header"))) : null,
        textBlock(fill(part("BODY")?.text, paramsOf("body"))),
        part("FOOTER") ? h("div", { class: "footer" }, part("FOOTER").text) : null,
      ],
      actions,
    }
  },
  order(message, ctx) {
    const items = message.order?.product_items ?? []
    const totals = {}
    const lines = items.map((p) => {
      const item = ctx.item(p.product_retailer_id)
      const line = Number(p.item_price) * Number(p.quantity)
      totals[p.currency] = (totals[p.currency] ?? 0) + line
      return h("li", { class: "order-line" }, productImage(item?.image_link, "", "quote-image"), h("span", { class: "order-title" }, item?.title ?? p.product_retailer_id, h("small", {}, `${p.quantity} × ${money(Number(p.item_price), p.currency)}`)), h("span", { class: "order-amount" }, money(line, p.currency)))
    })
    const count = items.reduce((n, p) => n + Number(p.quantity || 0), 0)
    return {
      body: [
        h("div", { class: "order-head" }, icon("cart"), `${count} item${count === 1 ? "" : "s"}`),
        h("ul", { class: "order-lines" }, lines),
        ...Object.entries(totals).map(([cur, sum], _, all) => h("div", { class: "order-total", "data-testid": "order-total" }, h("span", {}, all.length > 1 ? `Total (${cur})` : "Total"), h("strong", {}, money(sum, cur)))),
        textBlock(message.order?.text),
      ],
    }
  },
  // A photo, video, voice note, sticker or document: by media id the phone fetches it from the sandbox, by link from the web.
  media(message) {
    const part = message[message.type] ?? {}
    const src = part.id ? `/__sandbox/media?id=${encodeURIComponent(part.id)}` : part.link
    const caption = textBlock(part.caption)
    if (!src) return { body: [h("div", { class: "footer" }, `${message.type} without media`), caption] }
    if (message.type === "image" || message.type === "sticker") return { body: [h("img", { class: message.type === "sticker" ? "sticker" : "photo", src, alt: part.caption ?? message.type, "data-testid": "media-image" }), caption] }
    if (message.type === "video") return { body: [h("video", { class: "photo", src, controls: true, "data-testid": "media-video" }), caption] }
    if (message.type === "audio") return { body: [h("audio", { src, controls: true, "data-testid": "media-audio" })] }
    const name = part.filename ?? "Document"
    return { body: [h("a", { class: "document", href: src, download: name, "data-testid": "media-document" }, icon("list"), name), caption] }
  },
  unknown(message) {
    const text = message?.interactive?.body?.text ?? message?.text?.body
    return { body: [h("div", { class: "footer" }, `Unsupported message (${[message?.type, message?.interactive?.type].filter(Boolean).join(" / ") || "?"})`), textBlock(text)] }
  },
}

function paramText(p) {
  if (!p) return ""
  if (p.type === "currency") return p.currency?.fallback_value ?? ""
  if (p.type === "date_time") return p.date_time?.fallback_value ?? ""
  return p.text ?? p.payload ?? ""
}

/** One chat message: a card (with time and, for the customer's own, ticks) plus its buttons. */
export function renderBubble(entry, ctx) {
  const kind = kindOf(entry.message)
  const mine = entry.direction === "customer"
  let parts
  try {
    parts = RENDERERS[kind](entry.message ?? {}, ctx)
  } catch {
    parts = RENDERERS.unknown(entry.message) // a malformed message must not break the whole chat
  }
  const meta = h(
    "span",
    { class: "meta" },
    entry.edited ? h("span", { class: "edited", "data-testid": "edited" }, "Edited") : null,
    h("time", { datetime: new Date(entry.at).toISOString() }, clock(entry.at)),
    mine ? ticks(entry.status) : null,
  )
  const error = entry.status === "failed" && entry.error
  const failure = error
    ? h("div", { class: "failure", role: "note", "data-testid": "failure-note" }, h("strong", {}, `Not delivered · ${error.code ?? ""} ${error.title ?? ""}`), error.error_data?.details ?? error.message ?? "")
    : null
  return h(
    "div",
    { class: `msg ${mine ? "out" : "in"}${error ? " failed" : ""}`, "data-testid": entry.pending ? "bubble-pending" : "bubble", "data-direction": entry.direction, "data-kind": kind, "data-wamid": entry.wamid ?? "" },
    h("div", { class: `card kind-${kind}` }, messageHeader(entry, ctx), parts.body, meta),
    entry.reaction ? h("span", { class: "reaction", "data-testid": "reaction" }, entry.reaction) : null,
    parts.actions?.length ? h("div", { class: "actions" }, parts.actions) : null,
    failure,
    entry.pending || entry.revoked || !ctx.tools ? null : h("div", { class: "tools" }, ctx.tools(entry)),
  )
}

/** What WhatsApp shows above a message's text: that it came from an ad, was forwarded, or quotes another. */
function messageHeader(entry, ctx) {
  const m = entry.message ?? {}
  const c = m.context ?? {}
  const quoted = c.id ? ctx.quoted?.(c.id) : null
  return [
    m.referral ? h("p", { class: "from-ad", "data-testid": "from-ad" }, `From ad: ${m.referral.headline ?? m.referral.source_url ?? ""}`) : null,
    c.frequently_forwarded ? h("p", { class: "forwarded", "data-testid": "forwarded" }, "↪↪ Forwarded many times") : c.forwarded ? h("p", { class: "forwarded", "data-testid": "forwarded" }, "↪ Forwarded") : null,
    c.id ? h("blockquote", { class: "quote", "data-testid": "quote" }, quoted ?? "Message") : null,
  ].filter(Boolean)
}

// ---------- screen pieces (catalog, list sheet, cart) ----------

export function catalogTile(p, onOpen) {
  const price = p.fromPrice ? `${p.pricesDiffer ? "From " : ""}${money(p.fromPrice.amount, p.fromPrice.currency)}` : ""
  return h(
    "button",
    { type: "button", class: `tile${p.available ? "" : " unavailable"}`, "data-testid": "catalog-product", "data-group-id": p.id, onclick: onOpen },
    productImage(p.image, p.title, "tile-image"),
    h("span", { class: "tile-title" }, p.title),
    h("span", { class: "tile-price" }, price),
    p.available ? null : h("span", { class: "tile-stock" }, "Out of stock"),
  )
}

export function sheetItem(id, item, onOpen) {
  const detail = item ? `${priceLabel(item)}${isAvailable(item) ? "" : " · Out of stock"}` : "Not in the catalog"
  return h(
    "button",
    { type: "button", class: "sheet-item", "data-testid": "product-list-item", "data-retailer-id": id, onclick: onOpen },
    productImage(item?.image_link, item?.title, "thumb"),
    h("span", { class: "sheet-item-text" }, h("strong", {}, item?.title ?? id), h("small", {}, detail)),
  )
}

/** One cart line; `item` is the catalog's current data (null when it left the catalog). */
export function cartLine(line, item, price, { change }) {
  const set = (quantity) => () => change(line.retailer_id, quantity)
  return h(
    "div",
    { class: "cart-line", "data-testid": "cart-line", "data-retailer-id": line.retailer_id },
    productImage(item?.image_link ?? line.image_link, "", "thumb"),
    h("div", { class: "cart-line-text" }, h("strong", {}, item?.title ?? line.title), h("small", {}, price ? money(price.amount, price.currency) : "No price"), item ? null : h("small", { class: "warn" }, "No longer in the catalog")),
    h(
      "div",
      { class: "stepper small" },
      h("button", { type: "button", "aria-label": "Fewer", "data-testid": "cart-decrease", disabled: line.quantity <= 1, onclick: set(line.quantity - 1) }, "−"),
      h("span", { class: "qty", "data-testid": "cart-quantity" }, String(line.quantity)),
      h("button", { type: "button", "aria-label": "More", "data-testid": "cart-increase", disabled: line.quantity >= 99, onclick: set(line.quantity + 1) }, "+"),
    ),
    h("button", { type: "button", class: "text-button", "data-testid": "cart-remove", "aria-label": `Remove ${line.title}`, onclick: set(0) }, "Remove"),
  )
}

/** The product page's content; `on` holds the app's handlers, `p` its { selected, quantity, asking, question }. */
export function productPage(group, p, on) {
  const item = group.variants.find((v) => String(v.id) === p.selected) ?? group.variants[0]
  const available = isAvailable(item)
  const variants = group.variants.map((v) =>
    h("button", { type: "button", class: "variant", "data-testid": "variant-option", "data-retailer-id": v.id, "aria-pressed": String(String(v.id) === p.selected), disabled: !isAvailable(v), title: v.title, onclick: on.select(String(v.id)) },
      h("span", {}, v.variantTitle), h("small", {}, isAvailable(v) ? priceLabel(v) : "Out of stock")))
  const quantity = h("input", { type: "number", min: "1", max: "99", value: String(p.quantity), "data-testid": "quantity-input", "aria-label": "Quantity", oninput: (e) => on.typeQuantity(e.target.value), onchange: (e) => (e.target.value = String(p.quantity)) })
  const inquiry = p.asking
    ? h("form", { class: "inquiry", onsubmit: (e) => (e.preventDefault(), on.ask(item)) },
        h("input", { value: p.question, placeholder: `Ask about ${item.title}`, "aria-label": "Your question", "data-testid": "inquiry-input", oninput: (e) => on.typeQuestion(e.target.value) }),
        h("button", { type: "submit", class: "primary", "data-testid": "inquiry-send" }, "Send"))
    : null
  const stock = !available ? "Out of stock" : item.inventory !== undefined ? `In stock · ${item.inventory} left` : "In stock"
  const description = item.description || group.description
  return [
    productImage(item.image_link || group.image, item.title, "hero"),
    h("div", { class: "product-info" },
      h("h2", { "data-testid": "product-title" }, group.title),
      group.brand ? h("small", { class: "brand" }, group.brand) : null,
      h("div", { class: "price", "data-testid": "product-price" }, priceLabel(item)),
      h("div", { class: `stock${available ? "" : " out"}` }, stock),
      h("fieldset", { class: "variants" }, h("legend", {}, `Options (${group.variants.length})`), variants),
      h("div", { class: "buy" },
        h("div", { class: "stepper" },
          h("button", { type: "button", "aria-label": "Fewer", "data-testid": "quantity-decrease", onclick: on.step(-1) }, "−"),
          quantity,
          h("button", { type: "button", "aria-label": "More", "data-testid": "quantity-increase", onclick: on.step(1) }, "+")),
        h("button", { type: "button", class: "primary", "data-testid": "add-to-cart", disabled: !available, onclick: () => on.addToCart(item) }, "Add to cart")),
      h("button", { type: "button", class: "secondary", "data-testid": "message-business", "aria-expanded": String(p.asking), onclick: on.toggleAsk }, "Message business"),
      inquiry,
      description ? h("p", { class: "description" }, description) : null),
  ]
}
