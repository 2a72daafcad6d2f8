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

/**
 * Who the message is from, as Meta's 2026 messages webhook says it: the BSUID
 * always (`from_user_id`, `contacts[].user_id`), the phone (`from`,
 * `contacts[].wa_id`) unless a username customer withholds it, the username
 * in `contacts[].profile.username` (Meta's "Business-scoped user IDs" page).
 */
function senderFields(from, customer) {
  const phoneShown = !customer?.hidePhone
  return {
    message: { ...(phoneShown ? { from } : {}), ...(customer ? { from_user_id: customer.user_id } : {}) },
    contact: { ...(phoneShown ? { wa_id: from } : {}), ...(customer ? { user_id: customer.user_id } : {}) },
    username: customer?.username ?? null,
  }
}

/**
 * Meta's `referral` on a message sent from a Click-to-WhatsApp ad or post
 * ("Text messages webhook reference", referral object:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/).
 * image_url only for image ads, video_url and thumbnail_url only for video
 * ads; ctwa_clid is left out for ads shown in WhatsApp Status.
 */
function adReferral(r) {
  const media = r.media_type === "video" ? "video" : "image"
  return {
    source_url: r.source_url ?? `https://fb.me/${r.source_id ?? "sandbox-ad"}`,
    source_id: String(r.source_id ?? "120226305854810726"),
    source_type: r.source_type === "post" ? "post" : "ad",
    ...(r.body !== undefined ? { body: r.body } : { body: "Sandbox ad primary text" }),
    headline: r.headline ?? "Chat with us",
    media_type: media,
    ...(media === "image"
      ? { image_url: r.image_url ?? "https://scontent.xx.fbcdn.net/sandbox-ad.jpg" }
      : { video_url: r.video_url ?? "https://scontent.xx.fbcdn.net/sandbox-ad.mp4", thumbnail_url: r.thumbnail_url ?? "https://scontent.xx.fbcdn.net/sandbox-ad-thumb.jpg" }),
    ...(r.status_ad ? {} : { ctwa_clid: r.ctwa_clid ?? crypto.randomBytes(32).toString("base64url") }),
    ...(r.welcome_message ? { welcome_message: { text: r.welcome_message } } : {}),
  }
}

/**
 * The lifecycle messages, as Meta documents them:
 * - edit: { original_message_id, message: { type, <type> } }
 *   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/edit)
 * - revoke: { original_message_id }
 *   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/revoke/)
 * - reaction: { message_id, emoji }, emoji left out when the reaction is removed
 *   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/reaction/)
 */
function lifecycleMessage({ type, original_wamid, text, message_id, emoji }) {
  if (type === "edit") return { type: "edit", edit: { original_message_id: original_wamid, message: { type: "text", text: { body: text } } } }
  if (type === "revoke") return { type: "revoke", revoke: { original_message_id: original_wamid } }
  return { type: "reaction", reaction: { message_id, ...(emoji ? { emoji } : {}) } }
}

/**
 * An inbound customer message: text, an order (cart), a product question, an
 * edit, revoke or reaction; optionally a reply (`reply_to`: the quoted wamid),
 * forwarded, or sent from an ad (`referral`). `customer` (customers.js) says
 * which identifiers Meta shows: the BSUID always, the phone unless withheld.
 */
function inboundMessage(account, input) {
  const { from, customer, name, type = "text", text, product_items, catalog_id, referred_retailer_id, raw, reply_to, forwarded, frequently_forwarded, referral } = input
  const wamid = newWamid()
  const sender = senderFields(from, customer)
  const base = { ...sender.message, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)) }
  let message
  if (["edit", "revoke", "reaction"].includes(type)) {
    message = { ...base, ...lifecycleMessage(input) }
  } else if (raw) {
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
  // context.from is the business number the quoted message came from or went to (Meta: "Text messages webhook reference").
  const context = {
    ...(reply_to ? { from: account.display_phone_number.replace(/\D/g, ""), id: reply_to } : {}),
    ...(frequently_forwarded ? { frequently_forwarded: true } : forwarded ? { forwarded: true } : {}),
  }
  if (Object.keys(context).length && !["edit", "revoke", "reaction"].includes(type)) message.context = { ...message.context, ...context }
  if (referral && !["edit", "revoke", "reaction"].includes(type)) message.referral = adReferral(referral)
  const profile = { name: name ?? "Sandbox Customer", ...(sender.username ? { username: sender.username } : {}) }
  return { wamid, payload: envelope(account, { contacts: [{ profile, ...sender.contact }], messages: [message] }) }
}

/**
 * A number change, as Meta's "System messages webhook reference" shows it:
 * `user_changed_number` from the old number with the new one in
 * `system.wa_id` (no contacts array), then, since a new number brings a new
 * BSUID, `user_changed_user_id` with the previous and current BSUID.
 */
function numberChangeMessages(account, { previous, customer, name }) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const changedNumber = {
    from: previous.phone,
    id: newWamid(),
    timestamp,
    type: "system",
    system: { body: `User ${name ?? "Sandbox Customer"} changed from ${previous.phone} to ${customer.phone}`, wa_id: customer.phone, type: "user_changed_number" },
  }
  const changedUserId = {
    from_user_id: previous.user_id,
    id: newWamid(),
    timestamp,
    type: "system",
    system: { body: `User ${name ?? "Sandbox Customer"} has a new user id`, type: "user_changed_user_id", previous_user_id: previous.user_id, user_id: customer.user_id },
  }
  return [envelope(account, { messages: [changedNumber] }), envelope(account, { messages: [changedUserId] })]
}

/**
 * A status of a business message. Meta (BSUID page, status webhooks): the
 * phone (`recipient_id`) only when it may be shared; `recipient_user_id`
 * always for sent/delivered/read, and on failures only when the send used
 * the BSUID. Per-message pricing (PMP, Meta's model since July 2025) comes
 * with sent, delivered and read statuses, never with failed: `pricing`
 * { billable, pricing_model: "PMP", category, type }
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status).
 */
function statusUpdate(account, { wamid, status, recipient, customer, viaBsuid, error, pricing }) {
  const phoneShown = !customer?.hidePhone || !viaBsuid
  const withUserId = customer && (status !== "failed" || viaBsuid)
  const entry = {
    id: wamid,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...(phoneShown ? { recipient_id: recipient } : {}),
    ...(withUserId ? { recipient_user_id: customer.user_id } : {}),
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

module.exports = { newWamid, inboundMessage, adReferral, numberChangeMessages, statusUpdate, pricingOf, metaJson, sign, deliver }
