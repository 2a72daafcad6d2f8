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

/**
 * A status webhook. Per-message pricing (PMP, Meta's model since July 2025)
 * comes with sent, delivered and read statuses, never with failed: `pricing`
 * { billable, pricing_model: "PMP", category, type }
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status).
 */
function statusUpdate(account, { wamid, status, recipient, error, pricing }) {
  const entry = {
    id: wamid,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: recipient,
    ...(pricing && status !== "failed" ? { pricing } : {}),
    ...(error ? { errors: [error] } : {}),
  }
  return envelope(account, { statuses: [entry] })
}

/**
 * What Meta bills a message: free-form replies and utility templates inside
 * the customer-service window are free (`free_customer_service`); other
 * templates are charged in their category (`regular`).
 */
function pricingOf({ template, windowOpen }) {
  if (!template) return { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" }
  const category = String(template.category ?? "MARKETING").toLowerCase()
  const free = category === "utility" && windowOpen
  return { billable: !free, pricing_model: "PMP", category, type: free ? "free_customer_service" : "regular" }
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

module.exports = { newWamid, inboundMessage, statusUpdate, pricingOf, metaJson, sign, deliver }
