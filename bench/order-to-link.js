// A signed WhatsApp order with 10 items, timed from the webhook POST until the
// checkout-link message reaches the fake Graph API, against a storefront doing
// the same work through Medusa's Store API (create the cart, add the 10 items,
// create the payment collection). Same demo server, same catalog, same run.
const { ensureDemo } = require("./_demo")

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100)
const ITEMS = 10
const SANDBOX = process.env.BENCH_SANDBOX_URL ?? "http://127.0.0.1:9010"

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n) => Math.round(n * 10) / 10

async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
  return body
}

async function run() {
  const demo = await ensureDemo()
  try {
    const { token } = await json(`${demo.url}/auth/user/emailpass`, {
      method: "POST",
      body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
    })
    const admin = { authorization: `Bearer ${token}` }
    const { accounts } = await json(`${demo.url}/admin/whatsapp/accounts`, { headers: admin })
    const account = accounts[0]
    const { items } = await json(`${demo.url}/admin/whatsapp/catalog/items?catalog_id=${account.catalog_id}&status=synced&limit=300`, { headers: admin })
    // Items in stock (carts reserve nothing, so the run never uses the stock up).
    const { variants } = await json(`${demo.url}/admin/products?limit=100&fields=id,+variants.inventory_quantity`, { headers: admin }).then((r) => ({
      variants: r.products.flatMap((p) => p.variants),
    }))
    const stocked = new Set(variants.filter((v) => (v.inventory_quantity ?? 0) >= 1).map((v) => v.id))
    const chosen = items.filter((i) => stocked.has(i.variant_id)).slice(0, ITEMS)
    if (chosen.length < ITEMS) throw new Error(`need ${ITEMS} synced variants with stock, found ${chosen.length}`)
    const { api_keys } = await json(`${demo.url}/admin/api-keys?type=publishable`, { headers: admin })
    const store = { "x-publishable-key": api_keys[0].token }

    // WhatsApp path: each order from its own customer so the pair limit does not pace the replies.
    const whatsapp = []
    for (let n = 0; n < ORDERS; n++) {
      const from = `3460${String(1000000 + n)}`
      const started = performance.now()
      await json(`${SANDBOX}/__sandbox/inbound`, {
        method: "POST",
        body: JSON.stringify({
          phone_number_id: account.phone_number_id,
          from,
          name: `Bench ${n}`,
          type: "order",
          catalog_id: account.catalog_id,
          product_items: chosen.map((i) => ({ product_retailer_id: i.retailer_id, quantity: 1, item_price: 1, currency: "EUR" })),
        }),
      })
      for (;;) {
        const { messages } = await json(`${SANDBOX}/__sandbox/messages?to=${from}`)
        if (messages.some((m) => m.to === from && m.body?.interactive?.type === "cta_url")) break
        if (performance.now() - started > 30_000) throw new Error(`no checkout link for order ${n} after 30 s`)
        await new Promise((r) => setTimeout(r, 5))
      }
      whatsapp.push(performance.now() - started)
    }

    // Storefront path: the same cart through the Store API.
    const storefront = []
    for (let n = 0; n < ORDERS; n++) {
      const started = performance.now()
      const { cart } = await json(`${demo.url}/store/carts`, {
        method: "POST",
        headers: store,
        body: JSON.stringify({ region_id: account.region_id, sales_channel_id: account.sales_channel_id }),
      })
      for (const item of chosen) {
        await json(`${demo.url}/store/carts/${cart.id}/line-items`, {
          method: "POST",
          headers: store,
          body: JSON.stringify({ variant_id: item.variant_id, quantity: 1 }),
        })
      }
      await json(`${demo.url}/store/payment-collections`, { method: "POST", headers: store, body: JSON.stringify({ cart_id: cart.id }) })
      storefront.push(performance.now() - started)
    }

    const figures = {
      orders: ORDERS,
      items_per_order: ITEMS,
      whatsapp_p50_ms: round(percentile(whatsapp, 50)),
      whatsapp_p95_ms: round(percentile(whatsapp, 95)),
      store_api_p50_ms: round(percentile(storefront, 50)),
      store_api_p95_ms: round(percentile(storefront, 95)),
    }
    figures.p50_ratio = round((figures.whatsapp_p50_ms / figures.store_api_p50_ms) * 100) / 100
    figures.p95_ratio = round((figures.whatsapp_p95_ms / figures.store_api_p95_ms) * 100) / 100
    const targets = { p50_ratio: "<= 1.0", p95_ratio: "<= 1.0" }
    return { figures, targets, met: figures.p50_ratio <= 1 && figures.p95_ratio <= 1 }
  } finally {
    await demo.stop()
  }
}

module.exports = { run }
