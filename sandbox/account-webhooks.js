// Account-level webhooks as the Cloud API posts them: the template status,
// the customer's marketing preference, account, quality and review updates,
// and echoes of messages sent from the WhatsApp Business app. Each follows
// Meta's reference for its field:
// - message_template_status_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
// - user_preferences: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences
// - account_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update
// - phone_number_quality_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
// - account_review_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_review_update
// - smb_message_echoes: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes
const { newWamid } = require("./webhooks")

const nowSeconds = () => Math.floor(Date.now() / 1000)
const digits = (s) => String(s ?? "").replace(/\D/g, "")
const metadata = (account) => ({ display_phone_number: digits(account.display_phone_number), phone_number_id: account.phone_number_id })

/** A WABA-level change: `entry[].id` is the WABA, `time` when it happened; no metadata. */
function wabaChange(account, field, value, time = nowSeconds()) {
  return { object: "whatsapp_business_account", entry: [{ id: account.waba_id, time, changes: [{ value, field }] }] }
}

/** A change addressed to a phone number (metadata), like `messages`. */
function phoneChange(account, field, value) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: account.waba_id, changes: [{ value: { messaging_product: "whatsapp", metadata: metadata(account), ...value }, field }] }],
  }
}

/**
 * Events that are a template's new status (what it can be sent as); the
 * others (FLAGGED, LOCKED…) are notices about an approved template.
 */
const STATUS_EVENTS = new Set(["APPROVED", "REJECTED", "PENDING", "PAUSED", "DISABLED", "IN_APPEAL", "PENDING_DELETION", "DELETED", "ARCHIVED", "REINSTATED"])

function templateStatusUpdate(account, template, { event, reason = null, other_info, disable_date, time }) {
  return wabaChange(
    account,
    "message_template_status_update",
    {
      event,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      // Meta sends "NONE" when there is no reason, null for a template scheduled for deletion.
      reason: reason ?? (event === "PENDING_DELETION" ? null : "NONE"),
      message_template_category: template.category,
      ...(event === "DISABLED" ? { disable_info: { disable_date: String(disable_date ?? nowSeconds()) } } : {}),
      ...(other_info ? { other_info } : {}),
    },
    time
  )
}

function userPreferences(account, { wa_id, value, name, timestamp = nowSeconds() }) {
  const detail = value === "stop" ? "User requested to stop marketing messages" : "User requested to resume marketing messages"
  return phoneChange(account, "user_preferences", {
    contacts: [{ profile: { name: name ?? "Sandbox Customer" }, wa_id }],
    user_preferences: [{ wa_id, detail, category: "marketing_messages", value, timestamp }],
  })
}

function accountUpdate(account, { event, time, ...details }) {
  return wabaChange(account, "account_update", { event, ...details }, time)
}

function phoneNumberQualityUpdate(account, { event, old_limit, current_limit, max_daily_conversations_per_business, time }) {
  return wabaChange(
    account,
    "phone_number_quality_update",
    {
      display_phone_number: digits(account.display_phone_number),
      event,
      ...(old_limit ? { old_limit } : {}),
      ...(current_limit ? { current_limit } : {}),
      ...(max_daily_conversations_per_business ? { max_daily_conversations_per_business } : {}),
    },
    time
  )
}

function accountReviewUpdate(account, { decision, time }) {
  return wabaChange(account, "account_review_update", { decision }, time)
}

/** A message the business sent from the WhatsApp Business app to a customer. */
function smbMessageEcho(account, { to, text }) {
  const wamid = newWamid()
  const echo = { from: digits(account.display_phone_number), to: `+${digits(to)}`, id: wamid, timestamp: String(nowSeconds()), type: "text", text: { body: text } }
  return { wamid, echo, payload: phoneChange(account, "smb_message_echoes", { message_echoes: [echo] }) }
}

module.exports = { STATUS_EVENTS, templateStatusUpdate, userPreferences, accountUpdate, phoneNumberQualityUpdate, accountReviewUpdate, smbMessageEcho }
