// Fake hosted payment pages: small, mobile-first HTML with inline CSS and plain
// forms (no JavaScript). Every interpolated value goes through esc().

const esc = (v) =>
  String(v ?? "").replace(/[&<>"'`=]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;", "=": "&#61;" })[c])

/** Formats an amount given in minor units (or a decimal string when `major` is true). */
function money(amount, currency, { major = false, locale = "en" } = {}) {
  const code = String(currency || "").toUpperCase()
  try {
    const fmt = new Intl.NumberFormat(locale, { style: "currency", currency: code })
    const digits = fmt.resolvedOptions().maximumFractionDigits
    return fmt.format(major ? Number(amount) : Number(amount) / 10 ** digits)
  } catch {
    return `${amount} ${code}`
  }
}

const THEMES = {
  stripe: { brand: "Stripe Checkout (sandbox)", accent: "#635bff" },
  razorpay: { brand: "Razorpay Payment Link (sandbox)", accent: "#2b83ea" },
  paypal: { brand: "PayPal Checkout (sandbox)", accent: "#003087" },
}

function layout(provider, title, inner, lang = "en") {
  const t = THEMES[provider]
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · ${esc(t.brand)}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7fb;color:#1a1f36}
header{background:${t.accent};color:#fff;padding:14px 16px;font-weight:600}
main{max-width:480px;margin:0 auto;padding:16px}.card{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:16px}
h1{font-size:1.15rem;margin:0 0 8px}table{width:100%;border-collapse:collapse}td{padding:6px 0;border-bottom:1px solid #eee;vertical-align:top}
td.r{text-align:right;white-space:nowrap}.total td{font-weight:700;border-bottom:0}.muted{color:#697386;font-size:.9rem}
form{margin:0}button,.btn{display:block;width:100%;padding:14px;margin:10px 0 0;border:0;border-radius:8px;font-size:1rem;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.pay{background:${t.accent};color:#fff}.fail{background:#fff;color:#c0123c;border:1px solid #e3e8ee}.note{font-size:.8rem;color:#697386;text-align:center;margin-top:12px}
</style></head><body><header>${esc(t.brand)}</header><main>${inner}
<p class="note">Sandbox page: no real money moves.</p></main></body></html>`
}

const rows = (items) =>
  items.map((i) => `<tr><td>${esc(i.name)}${i.quantity > 1 ? ` <span class="muted">× ${esc(i.quantity)}</span>` : ""}</td><td class="r">${esc(i.amount)}</td></tr>`).join("")

const buttons = (payAction, failAction, payLabel, failLabel) => `
<form method="post" action="${esc(payAction)}"><button class="pay" type="submit">${esc(payLabel)}</button></form>
<form method="post" action="${esc(failAction)}"><button class="fail" type="submit">${esc(failLabel)}</button></form>`

function stripeCheckoutPage(session, lineItems) {
  const items = lineItems.map((li) => ({ name: li.description, quantity: li.quantity, amount: money(li.amount_total, li.currency) }))
  const email = session.customer_email || session.customer_details?.email
  const inner = `<div class="card"><h1>Pay ${esc(money(session.amount_total, session.currency))}</h1>
<table>${rows(items)}<tr class="total"><td>Total</td><td class="r">${esc(money(session.amount_total, session.currency))}</td></tr></table>
${email ? `<p class="muted">Email: ${esc(email)}</p>` : ""}</div>
<div class="card">${buttons(`/stripe/pay/${session.id}/pay`, `/stripe/pay/${session.id}/fail`, "Pay", "Fail")}</div>`
  return layout("stripe", "Checkout", inner, session.locale && session.locale !== "auto" ? session.locale : "en")
}

function razorpayLinkPage(link, { failed = false } = {}) {
  const amount = money(link.amount, link.currency)
  const head = failed
    ? `<div class="card"><h1>Payment failed</h1><p class="muted">The sandbox payment attempt failed. You can try again.</p>
<a class="btn pay" href="/razorpay/pay/${esc(link.id)}">Retry payment</a></div>`
    : ""
  const who = link.customer && (link.customer.name || link.customer.email || link.customer.contact)
  const inner = `${head}<div class="card"><h1>${esc(link.description || "Payment request")}</h1>
<table><tr class="total"><td>Amount payable</td><td class="r">${esc(amount)}</td></tr></table>
${link.reference_id ? `<p class="muted">Reference: ${esc(link.reference_id)}</p>` : ""}${who ? `<p class="muted">For: ${esc(who)}</p>` : ""}</div>
${failed ? "" : `<div class="card">${buttons(`/razorpay/pay/${link.id}/pay`, `/razorpay/pay/${link.id}/fail`, `Pay ${amount}`, "Fail")}</div>`}`
  return layout("razorpay", "Payment link", inner)
}

function paypalCheckoutPage(order) {
  const pu = order.purchase_units[0]
  const items = (pu.items || []).map((i) => ({ name: i.name, quantity: Number(i.quantity), amount: money(i.unit_amount.value, i.unit_amount.currency_code, { major: true }) }))
  const ctx = order.payment_source?.paypal?.experience_context || order.application_context || {}
  const total = money(pu.amount.value, pu.amount.currency_code, { major: true })
  const inner = `<div class="card"><h1>${esc(ctx.brand_name || pu.payee?.email_address || "Merchant")}</h1>
<table>${rows(items)}<tr class="total"><td>Total</td><td class="r">${esc(total)}</td></tr></table>
${pu.description ? `<p class="muted">${esc(pu.description)}</p>` : ""}</div>
<div class="card">${buttons(`/paypal/checkoutnow/approve?token=${encodeURIComponent(order.id)}`, `/paypal/checkoutnow/cancel?token=${encodeURIComponent(order.id)}`, ctx.user_action === "PAY_NOW" ? "Pay Now" : "Pay", "Fail")}</div>`
  return layout("paypal", "Checkout", inner)
}

/** A plain message page (not payable, finished, unknown...). */
function messagePage(provider, title, text, link) {
  const inner = `<div class="card"><h1>${esc(title)}</h1><p>${esc(text)}</p>${link ? `<a class="btn pay" href="${esc(link.href)}">${esc(link.label)}</a>` : ""}</div>`
  return layout(provider, title, inner)
}

module.exports = { esc, money, stripeCheckoutPage, razorpayLinkPage, paypalCheckoutPage, messagePage }
