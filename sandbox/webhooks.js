// Builds webhook payloads exactly as the Cloud API posts them, and delivers
// them signed with the app secret (X-Hub-Signature-256 over the raw bytes).
const crypto = require("node:crypto")

function newWamid() {
  return `wamid.${crypto.randomBytes(24).toString("base64")}`
}

function envelope(account, value) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: account.waba_id,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: account.display_phone_number.replace(/\D/g, ""), phone_number_id: account.phone_number_id },
              ...value,
            },
          },
        ],
      },
    ],
  }
}

/** An inbound customer message: text, an order (cart) or a product question. */
function inboundMessage(account, { from, name, type = "text", text, product_items, catalog_id, referred_retailer_id, raw }) {
  const wamid = newWamid()
  const base = { from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)) }
  let message
  if (raw) {
    message = { ...base, ...raw }
  } else if (type === "order") {
    message = { ...base, type: "order", order: { catalog_id: catalog_id ?? account.catalog_id, ...(text ? { text } : {}), product_items } }
  } else if (referred_retailer_id) {
    message = {
      ...base,
      type: "text",
      text: { body: text },
      context: { referred_product: { catalog_id: catalog_id ?? account.catalog_id, product_retailer_id: referred_retailer_id } },
    }
  } else {
    message = { ...base, type: "text", text: { body: text } }
  }
  return { wamid, payload: envelope(account, { contacts: [{ profile: { name: name ?? "Sandbox Customer" }, wa_id: from }], messages: [message] }) }
}

function statusUpdate(account, { wamid, status, recipient, error }) {
  const entry = {
    id: wamid,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: recipient,
    ...(status === "sent"
      ? { conversation: { id: crypto.randomBytes(16).toString("hex"), origin: { type: "service" } }, pricing: { billable: true, pricing_model: "CBP", category: "service" } }
      : {}),
    ...(error ? { errors: [error] } : {}),
  }
  return envelope(account, { statuses: [entry] })
}

/**
 * Serialises like Meta: non-ASCII characters as \uXXXX escapes, so a
 * receiver that verifies re-serialised JSON instead of raw bytes fails.
 */
function metaJson(payload) {
  return JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
}

function sign(body, secret) {
  return `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`
}

async function deliver(url, secret, payload) {
  const body = metaJson(payload)
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": sign(body, secret) },
    body,
  })
  return res.status
}

module.exports = { newWamid, inboundMessage, statusUpdate, metaJson, sign, deliver }
