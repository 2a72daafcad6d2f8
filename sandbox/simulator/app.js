// The phone simulator: you act as a WhatsApp customer of a sandbox business
// number. The chat is polled from the sandbox; everything the customer does
// goes through POST /__sandbox/inbound, which signs it like Meta's webhook.
import { h, ICONS, icon, renderBubble, dayDivider, dayKey, dayLabel, groupCatalog, parsePrice, money, isAvailable, catalogTile, sheetItem, cartLine, productPage } from "/simulator/render.js"

const $ = (id) => document.getElementById(id)
const POLL_MS = 1000
const SLOW_POLL_MS = 5000 // business, templates and catalog change rarely

// localStorage is shared by every tab (customer list, carts); the chosen customer is per tab (sessionStorage + URL).
const load = (key, fallback) => parseOr(localStorage.getItem(key), fallback)
function parseOr(text, fallback) {
  try {
    return JSON.parse(text) ?? fallback
  } catch {
    return fallback
  }
}
const save = (key, value) => localStorage.setItem(key, JSON.stringify(value))
const CUSTOMERS_KEY = "wa-sim:customers"
const cartKey = () => `wa-sim:cart:${state.account?.phone_number_id}:${state.customer?.phone}`

const state = {
  accounts: [], templates: [], account: null, // from /__sandbox/business; account = the chosen business number
  marketingStopped: [], // `${phone_number_id}:${wa_id}` of customers who stopped marketing messages
  customers: load(CUSTOMERS_KEY, []), customer: null,
  items: [], products: [], itemsById: new Map(), // the catalog: as the sandbox holds it, grouped by item_group_id, by retailer id
  version: 0, // bumped when catalog or templates change, so bubbles showing them re-render
  conversation: [],
  pending: [], // customer messages posted but not yet answered by the sandbox
  rendered: new Map(), // key → { sig, node }: polling only touches what changed
  stick: true, // keep the chat at the newest message unless the user scrolled up
  stack: [], // open screens, top last
  product: null, // product page: { groupId, selected, quantity, asking, question }
  sigs: {}, // last seen JSON of business, catalog and conversation: unchanged polls render nothing
}

// ---------- sandbox calls and errors ----------

async function api(path, body) {
  const init = body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}
  const res = await fetch(path, init).catch((error) => {
    throw new Error(`Sandbox unreachable: ${error.message}`)
  })
  const text = await res.text()
  if (res.ok) return text ? JSON.parse(text) : null
  const e = parseOr(text, {}).error ?? text.slice(0, 200)
  throw new Error(`Sandbox error ${res.status}: ${typeof e === "string" ? e : e.message ?? JSON.stringify(e)}`)
}

let toastTimer
function toast(message, kind = "error") {
  Object.assign($("toast"), { textContent: message, hidden: false })
  $("toast").dataset.kind = kind
  clearTimeout(toastTimer)
  toastTimer = setTimeout(() => ($("toast").hidden = true), kind === "error" ? 6000 : 2500)
}

// Background polls report an error once, not every second.
let lastPollError = ""
function pollFailed(error) {
  if (error.message !== lastPollError) toast(error.message)
  lastPollError = error.message
}

// ---------- business, customers, catalog ----------

const digitsOf = (raw) => String(raw ?? "").replace(/[\s()+.-]/g, "")
const validPhone = (digits) => /^\d{8,15}$/.test(digits)

/**
 * A customer may have a WhatsApp username and hide their number from the
 * business (Meta, "Business-scoped user IDs"): the sandbox then sends their
 * messages with the BSUID only.
 */
function addCustomer(phone, name, username = "", hidePhone = false) {
  const found = state.customers.find((c) => c.phone === phone)
  const handle = username.replace(/^@/, "").trim()
  if (found && name) found.name = name
  if (found && handle) Object.assign(found, { username: handle, hidePhone })
  if (!found) state.customers.push({ phone, name: name || `Customer ${phone.slice(-4)}`, username: handle, hidePhone: hidePhone && !!handle })
  save(CUSTOMERS_KEY, state.customers)
}

const customerLabel = (c) => (c.username && c.hidePhone ? `${c.name} · @${c.username} (number hidden)` : `${c.name} · +${c.phone}`)

function selectCustomer(phone) {
  state.customer = state.customers.find((c) => c.phone === phone) ?? null
  sessionStorage.setItem("wa-sim:current", phone ?? "")
  const url = new URL(location.href) // so a reload or a copied link opens the same customer
  if (state.customer) url.searchParams.set("phone", state.customer.phone), url.searchParams.set("name", state.customer.name)
  for (const key of ["username", "hide_phone"]) url.searchParams.delete(key)
  if (state.customer?.username) url.searchParams.set("username", state.customer.username)
  if (state.customer?.hidePhone) url.searchParams.set("hide_phone", "1")
  history.replaceState(null, "", url)
  resetChat()
}

function selectAccount(id) {
  state.account = state.accounts.find((a) => a.phone_number_id === id) ?? state.accounts[0] ?? null
  if (state.account) localStorage.setItem("wa-sim:business", state.account.phone_number_id)
  resetChat()
  loadCatalog().catch(pollFailed)
}

function renderPickers() {
  const a = state.account
  $("business-picker").replaceChildren(...state.accounts.map((x) => h("option", { value: x.phone_number_id }, `${x.verified_name} · ${x.display_phone_number}`)))
  $("business-picker").value = a?.phone_number_id ?? ""
  $("business-picker").disabled = !state.accounts.length
  const options = state.customers.map((c) => h("option", { value: c.phone }, customerLabel(c)))
  $("phone-picker").replaceChildren(...(options.length ? options : [h("option", { value: "" }, "Add a customer number")]))
  $("phone-picker").value = state.customer?.phone ?? ""
  $("marketing-stop").checked = !!(a && state.customer && state.marketingStopped.includes(`${a.phone_number_id}:${state.customer.phone}`))
  $("marketing-stop").disabled = !a || !state.customer
  $("business-name").textContent = a?.verified_name ?? "No business number"
  $("business-sub").textContent = a ? `${a.display_phone_number} · business account` : "The sandbox has no accounts"
  $("avatar").textContent = (a?.verified_name ?? "?").split(/\s+/).map((w) => w[0]).slice(0, 2).join("").toUpperCase()
}

async function loadBusiness() {
  const data = await api("/__sandbox/business")
  if (JSON.stringify(data) === state.sigs.business) return
  state.sigs.business = JSON.stringify(data)
  state.accounts = data.accounts ?? []
  state.templates = data.templates ?? []
  state.marketingStopped = data.marketing_stopped ?? []
  state.version++
  const wanted = state.account?.phone_number_id ?? new URLSearchParams(location.search).get("phone_number_id") ?? localStorage.getItem("wa-sim:business")
  const next = state.accounts.find((a) => a.phone_number_id === wanted) ?? state.accounts[0] ?? null
  if (!state.account || next?.phone_number_id !== state.account.phone_number_id) selectAccount(next?.phone_number_id)
  else state.account = next // same number, maybe a new catalog id or name
  renderPickers()
  renderConversation()
}

async function loadCatalog() {
  const id = state.account?.catalog_id
  const data = id ? await api(`/__sandbox/catalog?id=${encodeURIComponent(id)}`) : { items: [] }
  // Ignore an answer for a business number we switched away from meanwhile.
  if (id !== state.account?.catalog_id || JSON.stringify(data.items) === state.sigs.catalog) return
  state.sigs.catalog = JSON.stringify(data.items)
  state.items = data.items ?? []
  state.products = groupCatalog(state.items)
  state.itemsById = new Map(state.items.map((i) => [String(i.id ?? i.retailer_id), i]))
  state.version++
  renderConversation()
  refreshOpenScreens()
}

// ---------- chat ----------

const customerCount = () => state.conversation.filter((m) => m.direction === "customer").length
// A pending bubble disappears as soon as the sandbox lists the real message.
const visiblePending = () => state.pending.filter((p) => customerCount() <= p.base)

const ctx = {
  item: (id) => (id ? state.itemsById.get(String(id)) : undefined),
  firstItem: () => state.items[0],
  businessName: () => state.account?.verified_name ?? "",
  template: (name, lang) => {
    const same = (t) => t.name === name && t.language === lang
    return state.templates.find((t) => same(t) && t.waba_id === state.account?.waba_id) ?? state.templates.find(same)
  },
  openProduct: (retailerId) => openProductOfItem(retailerId),
  openList: (interactive) => openSheet(interactive),
  openCatalog: () => openScreen("catalog-view"),
  reply: (r) => send({ raw: { type: "interactive", interactive: { type: "button_reply", button_reply: { id: r.id, title: r.title } } } }),
  quickReply: (text, payload) => send({ raw: { type: "button", button: { text, payload } } }),
  quoted: (wamid) => {
    const m = state.conversation.find((e) => e.wamid === wamid)
    return m ? (m.revoked ? "Deleted message" : m.message?.text?.body ?? m.message?.interactive?.body?.text ?? m.message?.type ?? "Message") : null
  },
  tools: (entry) => messageTools(entry),
}

// ---------- what the customer can do to a message (sandbox/customer-actions.js holds Meta's limits) ----------

const REACTIONS = ["👍", "❤️", "😮"]
const draft = { replyTo: null } // the message the next text quotes

function tool(label, onclick, testid) {
  return h("button", { type: "button", class: "tool", "data-testid": testid, onclick }, label)
}

function messageTools(entry) {
  const reply = tool("Reply", () => setReplyTo(entry), "tool-reply")
  if (entry.direction === "business") {
    return [reply, ...REACTIONS.map((e) => tool(e, () => react(entry, e), "tool-react")), entry.reaction ? tool("Remove reaction", () => react(entry, ""), "tool-unreact") : null].filter(Boolean)
  }
  if (entry.message?.type !== "text") return [reply]
  return [reply, tool("Edit", () => editMessage(entry), "tool-edit"), tool("Delete", () => revokeMessage(entry), "tool-delete")]
}

function setReplyTo(entry) {
  draft.replyTo = entry?.wamid ?? null
  $("replying-to").hidden = !draft.replyTo
  $("replying-to-text").textContent = draft.replyTo ? ctx.quoted(draft.replyTo) ?? "" : ""
  if (draft.replyTo) $("composer-input").focus()
}

const react = (entry, emoji) => send({ type: "reaction", message_id: entry.wamid, emoji }, null)

function editMessage(entry) {
  const text = prompt("Edit message", entry.message?.text?.body ?? "")
  if (text && text.trim()) send({ type: "edit", original_wamid: entry.wamid, text: text.trim() }, null)
}

function revokeMessage(entry) {
  if (confirm("Delete for everyone?")) send({ type: "revoke", original_wamid: entry.wamid }, null)
}

function resetChat() {
  Object.assign(state, { conversation: [], pending: [], rendered: new Map(), stick: true })
  state.sigs.conversation = null
  $("message-list").replaceChildren()
  renderPickers()
  renderCartBadge()
  refreshOpenScreens()
  renderConversation()
  refreshConversation().catch(pollFailed)
}

function renderConversation() {
  const list = $("message-list")
  const entries = [...state.conversation, ...visiblePending()]
  const next = new Map()
  const reuse = (key, sig, make) => {
    const old = state.rendered.get(key)
    const node = old && old.sig === sig ? old.node : make()
    next.set(key, { sig, node })
    return node
  }
  const nodes = []
  let lastDay = null
  for (const entry of entries) {
    if (dayKey(entry.at) !== lastDay) {
      lastDay = dayKey(entry.at)
      nodes.push(reuse(`day:${lastDay}`, dayLabel(entry.at), () => dayDivider(entry.at)))
    }
    const sig = `${entry.status}|${entry.error?.code ?? ""}|${state.version}|${entry.edited}|${entry.revoked}|${entry.reaction}|${entry.message?.text?.body}`
    nodes.push(reuse(entry.wamid ?? entry.tempId, sig, () => renderBubble(entry, ctx)))
  }
  // Only insert or remove what changed, so a button being clicked is never swapped mid-click.
  const keep = new Set(nodes)
  for (const child of [...list.children]) if (!keep.has(child)) child.remove()
  let cursor = list.firstChild
  for (const node of nodes) {
    if (cursor === node) cursor = cursor.nextSibling
    else list.insertBefore(node, cursor)
  }
  state.rendered = next
  $("chat-empty").hidden = entries.length > 0
  $("chat-empty").textContent = !state.account ? "The sandbox has no business number." : !state.customer ? "Add a customer number above to start chatting." : "No messages yet. Say hello, or browse the catalog."
  if (state.stick) scrollToEnd()
}

const scrollToEnd = () => ($("messages").scrollTop = $("messages").scrollHeight)

let pollSeq = 0
let appliedSeq = 0
async function refreshConversation() {
  if (!state.customer || !state.account) return
  const seq = ++pollSeq
  const key = `${state.account.phone_number_id}:${state.customer.phone}`
  const data = await api(`/__sandbox/conversation?${new URLSearchParams({ phone: state.customer.phone, phone_number_id: state.account.phone_number_id })}`)
  // Ignore answers for a customer we switched away from, or older than one already shown.
  if (seq < appliedSeq || key !== `${state.account?.phone_number_id}:${state.customer?.phone}`) return
  appliedSeq = seq
  lastPollError = ""
  const sig = JSON.stringify(data.messages.map((m) => [m.wamid, m.status, m.edited, m.revoked, m.reaction, m.message?.text?.body]))
  if (sig === state.sigs.conversation && !state.pending.length) return
  state.sigs.conversation = sig
  state.conversation = data.messages ?? []
  renderConversation()
}

/** Posts a customer message; `extra` is the inbound body's type-specific part, `preview` what to show meanwhile. */
async function send(extra, preview = extra.raw) {
  if (!state.customer || !state.account) return toast("Choose a business number and a customer first"), false
  // Edits, deletions and reactions change a bubble already shown: no pending bubble of their own (preview null).
  const pending = preview === null ? null : { tempId: `pending-${Date.now()}-${Math.random()}`, pending: true, direction: "customer", status: "pending", at: Date.now(), message: preview, base: customerCount() + state.pending.length }
  if (pending) state.pending.push(pending)
  state.stick = true
  renderConversation()
  try {
    const who = { from: state.customer.phone, name: state.customer.name, username: state.customer.username || null, hide_phone: !!state.customer.hidePhone }
    const res = await api("/__sandbox/inbound", { phone_number_id: state.account.phone_number_id, ...who, ...extra })
    // null: the sandbox has no webhook URL; anything but 200 means the business did not take it.
    const status = res?.webhook_status
    if (status !== null && status !== undefined && status !== 200) {
      toast(`The business's webhook answered ${status || "nothing (is the store running?)"}`, "warn")
      return false
    }
    return true
  } catch (error) {
    toast(error.message)
    return false
  } finally {
    state.pending = state.pending.filter((p) => p !== pending)
    await refreshConversation().catch(pollFailed)
    renderConversation()
  }
}

/** The customer stops or resumes marketing messages from this business (Meta's user_preferences webhook). */
async function setMarketingPreference(stop) {
  if (!state.customer || !state.account) return
  try {
    const res = await api("/__sandbox/user-preferences", { phone_number_id: state.account.phone_number_id, wa_id: state.customer.phone, value: stop ? "stop" : "resume" })
    toast(stop ? "Marketing messages stopped" : "Marketing messages resumed", res?.webhook_status === 200 || res?.webhook_status == null ? "info" : "warn")
  } catch (error) {
    toast(error.message)
  }
  await loadBusiness().catch(pollFailed)
}

function sendText() {
  const input = $("composer-input")
  const text = input.value.trim()
  if (!text) return
  input.value = ""
  autosize()
  // Reply, forwarding and "from an ad" as the composer's options set them; each applies to this one message.
  const extra = { text }
  if (draft.replyTo) extra.reply_to = draft.replyTo
  if ($("opt-forwarded").checked) extra.forwarded = true
  if ($("opt-ad").checked) extra.referral = { headline: $("opt-ad-headline").value.trim() || "Chat with us", source_id: "120226305854810726" }
  setReplyTo(null)
  $("opt-forwarded").checked = false
  $("opt-ad").checked = false
  send(extra, { type: "text", text: { body: text } })
}

/** Sends the picked file as Meta delivers it: an image (JPEG, PNG) or a document, the typed text as caption. */
async function sendFile(file) {
  if (!file) return
  const input = $("composer-input")
  const caption = input.value.trim()
  const type = ["image/jpeg", "image/png"].includes(file.type) ? "image" : "document"
  const base64 = await new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
  input.value = ""
  autosize()
  const part = { ...(caption ? { caption } : {}), ...(type === "document" ? { filename: file.name } : {}) }
  send({ media: { type, base64, mime_type: file.type || "application/octet-stream", filename: file.name, ...part } }, { type, [type]: part })
}

function autosize() {
  const input = $("composer-input")
  input.style.height = "auto"
  input.style.height = `${Math.min(input.scrollHeight, 120)}px` // grow with the text, up to five lines
}

// ---------- screens: a stack over the chat (catalog, product page, cart, list sheet) ----------

function applyStack() {
  for (const id of ["catalog-view", "product-page", "cart-view", "sheet"]) {
    $(id).hidden = !state.stack.includes(id)
    $(id).style.zIndex = String(10 + state.stack.indexOf(id))
  }
}

function openScreen(id) {
  state.stack = [...state.stack.filter((s) => s !== id), id]
  applyStack()
  refreshOpenScreens()
  $(id).querySelector("[data-back]")?.focus({ preventScroll: true })
}

const back = () => (state.stack.pop(), applyStack())
const backToChat = () => ((state.stack = []), applyStack(), $("composer-input").focus({ preventScroll: true }))

function refreshOpenScreens() {
  if (state.stack.includes("catalog-view")) renderCatalog()
  if (state.stack.includes("product-page")) renderProduct()
  if (state.stack.includes("cart-view")) renderCart()
}

function renderCatalog() {
  const visible = groupCatalog(state.items.filter((i) => i.visibility !== "staging")) // staging (hidden) items are not browsable
  $("catalog-sub").textContent = `${state.account?.verified_name ?? ""} · ${visible.length} product${visible.length === 1 ? "" : "s"}`
  const tiles = visible.map((p) => catalogTile(p, () => openProduct(p.id)))
  const none = h("p", { class: "empty" }, state.account?.catalog_id ? "This catalog has no products yet." : "This business number has no catalog.")
  $("catalog-grid").replaceChildren(...(tiles.length ? tiles : [none]))
}

function openProduct(groupId, retailerId) {
  const group = state.products.find((p) => p.id === String(groupId))
  const pick = group?.variants.find((v) => String(v.id) === String(retailerId)) ?? group?.variants.find(isAvailable) ?? group?.variants[0]
  state.product = { groupId: String(groupId), selected: pick ? String(pick.id) : null, quantity: 1, asking: false, question: "" }
  openScreen("product-page")
}

function openProductOfItem(retailerId) {
  const item = ctx.item(retailerId)
  if (!item) return toast(`Product ${retailerId} is not in the catalog`)
  openProduct(item.item_group_id || item.id, item.id)
}

const clampQty = (n) => Math.max(1, Math.min(99, Math.floor(Number(n)) || 1))

function renderProduct() {
  const p = state.product
  const group = state.products.find((g) => g.id === p?.groupId)
  $("product-bar-title").textContent = group?.title ?? "Product"
  if (!group) return $("product-body").replaceChildren(h("p", { class: "empty" }, "This product is no longer in the catalog."))
  const rerender = (fn) => () => (fn(), renderProduct())
  $("product-body").replaceChildren(
    ...productPage(group, p, {
      select: (id) => rerender(() => (p.selected = id)),
      step: (by) => rerender(() => (p.quantity = clampQty(p.quantity + by))),
      // Typing only updates the state: re-rendering on blur would replace "Add to cart" under a click.
      typeQuantity: (value) => (p.quantity = clampQty(value)),
      addToCart: (item) => addToCart(item, p.quantity),
      toggleAsk: () => ((p.asking = !p.asking), renderProduct(), $("product-body").querySelector("[data-testid=inquiry-input]")?.focus()),
      typeQuestion: (value) => (p.question = value),
      ask: (item) => sendInquiry(item),
    }),
  )
}

function sendInquiry(item) {
  const text = state.product.question.trim()
  if (!text) return toast("Write your question first", "warn")
  state.product.question = ""
  backToChat()
  send({ text, referred_retailer_id: item.id }, { type: "text", text: { body: text }, context: { referred_product: { product_retailer_id: item.id } } })
}

function openSheet(interactive) {
  $("sheet-title").textContent = interactive.header?.text ?? "Products"
  const sections = (interactive.action?.sections ?? []).map((s) =>
    h("section", { class: "sheet-section" }, h("h3", {}, s.title), (s.product_items ?? []).map(({ product_retailer_id: id }) => sheetItem(id, ctx.item(id), () => openProductOfItem(id)))))
  $("sheet-body").replaceChildren(interactive.body?.text ? h("p", { class: "sheet-text" }, interactive.body.text) : "", ...sections)
  openScreen("sheet")
}

// ---------- cart (per business number and customer, in localStorage) ----------

const getCart = () => (state.customer && state.account ? load(cartKey(), []) : [])
function saveCart(lines) {
  save(cartKey(), lines)
  renderCartBadge()
  if (state.stack.includes("cart-view")) renderCart()
}

function addToCart(item, quantity) {
  if (!state.customer) return toast("Add a customer number first")
  const lines = getCart()
  const line = lines.find((l) => l.retailer_id === String(item.id))
  if (line) line.quantity = Math.min(99, line.quantity + quantity)
  else lines.push({ retailer_id: String(item.id), quantity, title: item.title, price: item.price, image_link: item.image_link }) // a snapshot, in case it leaves the catalog
  saveCart(lines)
  toast(`Added ${quantity} × ${item.title} to the cart`, "info")
}

function renderCartBadge() {
  const count = getCart().reduce((n, l) => n + l.quantity, 0)
  Object.assign($("cart-count"), { textContent: String(count), hidden: count === 0 })
  $("cart-button").dataset.count = String(count)
  $("cart-button").setAttribute("aria-label", `Cart, ${count} item${count === 1 ? "" : "s"}`)
}

const priceOf = (line) => parsePrice(ctx.item(line.retailer_id)?.price ?? line.price) // the catalog's current price wins

function renderCart() {
  const lines = getCart()
  const totals = {}
  const change = (id, quantity) => saveCart(getCart().map((l) => (l.retailer_id === id ? { ...l, quantity: Math.min(99, quantity) } : l)).filter((l) => l.quantity > 0))
  const rows = lines.map((line) => {
    const price = priceOf(line)
    if (price) totals[price.currency] = (totals[price.currency] ?? 0) + price.amount * line.quantity
    return cartLine(line, ctx.item(line.retailer_id), price, { change })
  })
  const count = lines.reduce((n, l) => n + l.quantity, 0)
  $("cart-sub").textContent = `${count} item${count === 1 ? "" : "s"}`
  $("cart-body").replaceChildren(
    ...(rows.length ? rows : [h("p", { class: "empty" }, "Your cart is empty. Add products from the catalog.")]),
    ...Object.entries(totals).map(([cur, sum]) => h("div", { class: "cart-total", "data-testid": "cart-total", "data-currency": cur }, h("span", {}, `Total (${cur})`), h("strong", {}, money(sum, cur)))),
    h("button", { type: "button", class: "primary wide", "data-testid": "send-cart", disabled: !rows.length, onclick: sendCart }, "Send to business"),
  )
}

async function sendCart() {
  const lines = getCart()
  if (!lines.length) return
  const product_items = lines.map((l) => {
    const price = priceOf(l) ?? { amount: 0, currency: "EUR" }
    return { product_retailer_id: l.retailer_id, quantity: l.quantity, item_price: price.amount, currency: price.currency }
  })
  const key = cartKey()
  backToChat()
  // Empty the cart at once (like WhatsApp); put it back if the sandbox refused the order.
  saveCart([])
  const ok = await send({ type: "order", product_items }, { type: "order", order: { product_items } })
  if (!ok) save(key, lines), renderCartBadge()
}

// ---------- wiring ----------

function addCustomerFromForm(e) {
  e.preventDefault()
  const number = $("new-phone-number")
  const digits = digitsOf(number.value)
  const bad = !validPhone(digits)
  Object.assign($("new-phone-error"), { hidden: !bad, textContent: bad ? "Enter 8 to 15 digits, country code first (e.g. 34600111222)." : "" })
  number.setAttribute("aria-invalid", String(bad))
  if (bad) return number.focus()
  addCustomer(digits, $("new-phone-name").value.trim(), $("new-phone-username").value, $("new-phone-hide").checked)
  number.value = $("new-phone-name").value = $("new-phone-username").value = ""
  $("new-phone-hide").checked = false
  selectCustomer(digits)
}

function wire() {
  $("catalog-button").innerHTML = ICONS.store
  $("cart-button").prepend(icon("cart"))
  $("composer-send").innerHTML = ICONS.send
  $("attach-icon").innerHTML = ICONS.clip
  for (const b of document.querySelectorAll("[data-back]")) {
    if (b.classList.contains("back")) b.innerHTML = ICONS.back
    b.addEventListener("click", back)
  }
  $("sheet").addEventListener("click", (e) => e.target === $("sheet") && back())
  document.addEventListener("keydown", (e) => e.key === "Escape" && state.stack.length && back())
  $("catalog-button").addEventListener("click", () => openScreen("catalog-view"))
  $("cart-button").addEventListener("click", () => openScreen("cart-view"))
  $("business-picker").addEventListener("change", (e) => selectAccount(e.target.value))
  $("phone-picker").addEventListener("change", (e) => selectCustomer(e.target.value))
  $("add-phone").addEventListener("submit", addCustomerFromForm)
  $("marketing-stop").addEventListener("change", (e) => setMarketingPreference(e.target.checked))
  $("composer").addEventListener("submit", (e) => (e.preventDefault(), sendText()))
  $("composer-input").addEventListener("keydown", (e) => e.key === "Enter" && !e.shiftKey && !e.isComposing && (e.preventDefault(), sendText()))
  $("composer-input").addEventListener("input", autosize)
  $("composer-file").addEventListener("change", (e) => {
    sendFile(e.target.files?.[0]).catch((error) => toast(error.message))
    e.target.value = ""
  })
  $("replying-to-cancel").addEventListener("click", () => setReplyTo(null))
  const messages = $("messages")
  messages.addEventListener("scroll", () => (state.stick = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 60))
  messages.addEventListener("load", () => state.stick && scrollToEnd(), true) // images grow bubbles after render
  // Another tab added a customer or changed this customer's cart.
  window.addEventListener("storage", (e) => {
    if (e.key === CUSTOMERS_KEY) (state.customers = load(CUSTOMERS_KEY, [])), renderPickers()
    if (e.key === cartKey()) renderCartBadge(), refreshOpenScreens()
  })
}

async function start() {
  wire()
  // ?phone=34600111222&name=Ana adds (or renames) that customer and selects it in this tab.
  const params = new URLSearchParams(location.search)
  const fromUrl = digitsOf(params.get("phone"))
  if (validPhone(fromUrl)) addCustomer(fromUrl, params.get("name")?.trim(), params.get("username") ?? "", params.get("hide_phone") === "1")
  else if (fromUrl) toast(`Ignoring ?phone=${params.get("phone")}: it needs 8 to 15 digits`)
  const current = (validPhone(fromUrl) && fromUrl) || sessionStorage.getItem("wa-sim:current") || state.customers[0]?.phone
  selectCustomer(state.customers.find((c) => c.phone === current)?.phone ?? state.customers[0]?.phone)
  await loadBusiness().catch(pollFailed)
  let polling = false // a slow sandbox must not pile up requests
  setInterval(() => {
    if (polling) return
    polling = true
    refreshConversation().catch(pollFailed).finally(() => (polling = false))
  }, POLL_MS)
  setInterval(() => loadBusiness().then(loadCatalog).catch(pollFailed), SLOW_POLL_MS)
}

start()
