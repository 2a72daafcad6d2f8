// A signed WhatsApp order with 10 items, timed from the webhook POST until the
// checkout-link message reaches the fake Graph API, against a storefront doing
// the same work through Medusa's Store API (create the cart, add the 10 items,
// create the payment collection). Same demo server, same catalog, same run.
const { ensureDemo, json, percentile, round } = require("./_demo")

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100)
const ITEMS = 10
const SANDBOX = process.env.BENCH_SANDBOX_URL ?? "http://127.0.0.1:9010"

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
    // Items the synced catalog shows in stock (carts reserve nothing, so the run never uses the stock up).
    const catalog = await json(`${SANDBOX}/__sandbox/catalog?id=${account.catalog_id}`)
    const chosen = catalog.items
      .filter((i) => i.availability === "in stock" && Number(i.inventory ?? 0) >= 2)
      .slice(0, ITEMS)
      .map((i) => ({ retailer_id: i.id, variant_id: i.id }))
    if (chosen.length < ITEMS) throw new Error(`need ${ITEMS} synced variants in stock, found ${chosen.length}`)
    // A storefront key for the account's sales channel, so both paths sell from the same channel.
    const { api_key } = await json(`${demo.url}/admin/api-keys`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ title: `bench order-to-link ${Date.now()}`, type: "publishable" }),
    })
    await json(`${demo.url}/admin/api-keys/${api_key.id}/sales-channels`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ add: [account.sales_channel_id] }),
    })
    const store = { "x-publishable-api-key": api_key.token }

    // WhatsApp path: each order from its own customer so the pair limit does not pace the replies.
    const whatsapp = []
    const run = String(Date.now() % 10_000).padStart(4, "0")
    for (let n = 0; n < ORDERS; n++) {
      const from = `346${run}${String(n).padStart(4, "0")}`
      const sentAfter = Date.now()
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
        if (messages.some((m) => m.to === from && m.at >= sentAfter && m.body?.interactive?.type === "cta_url")) break
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
    figures.p50_ratio = Math.round((figures.whatsapp_p50_ms / figures.store_api_p50_ms) * 100) / 100
    figures.p95_ratio = Math.round((figures.whatsapp_p95_ms / figures.store_api_p95_ms) * 100) / 100
    const targets = { p50_ratio: "<= 1.0", p95_ratio: "<= 1.0" }
    return { figures, targets, met: figures.p50_ratio <= 1 && figures.p95_ratio <= 1 }
  } finally {
    await demo.stop()
  }
}

module.exports = { run }
