// The sandbox's WhatsApp users, as Meta sees them in 2026 (Meta's
// "Business-scoped user IDs" page,
// developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids):
// every user has a business-scoped user ID (BSUID: two-letter country code, a
// dot, up to 128 alphanumerics) that every messages webhook carries; a user
// who adopted a username may have their phone withheld from webhooks; a new
// BSUID is generated when the user changes number. Sends take `to` (phone)
// or `recipient` (BSUID); `to` wins when both are given.
const crypto = require("node:crypto")
const { parsePhoneNumberFromString } = require("libphonenumber-js")

function countryOf(phone) {
  try {
    return parsePhoneNumberFromString(`+${phone}`)?.country ?? "US"
  } catch {
    return "US"
  }
}

/** A stable BSUID per business account and phone (the sandbox's stand-in for a portfolio). */
function bsuidFor(scope, phone) {
  const digest = crypto.createHash("sha256").update(`${scope}:${phone}`).digest()
  const digits = BigInt(`0x${digest.subarray(0, 8).toString("hex")}`).toString().padStart(20, "0").slice(0, 20)
  return `${countryOf(phone)}.${digits}`
}

function createCustomers() {
  const byPhone = new Map() // `${waba}:${phone}` → customer
  const byBsuid = new Map() // bsuid → customer

  function register(account, { phone, username = null, hidePhone = false }) {
    const key = `${account.waba_id}:${phone}`
    const existing = byPhone.get(key)
    const customer = existing ?? { phone, waba_id: account.waba_id, user_id: bsuidFor(account.waba_id, phone), username: null, hidePhone: false }
    if (username !== undefined && username !== null) customer.username = username ? `@${String(username).replace(/^@/, "")}` : null
    customer.hidePhone = !!hidePhone && !!customer.username
    byPhone.set(key, customer)
    byBsuid.set(customer.user_id, customer)
    return customer
  }

  function find(account, phone) {
    return byPhone.get(`${account.waba_id}:${phone}`) ?? null
  }

  /** Who a send is addressed to: `to` (a phone) wins over `recipient` (a BSUID). */
  function resolveRecipient(account, body) {
    if (body?.to) {
      const phone = String(body.to).replace(/\D/g, "")
      return { phone, customer: find(account, phone), viaBsuid: false }
    }
    const customer = byBsuid.get(String(body?.recipient ?? ""))
    return customer && customer.waba_id === account.waba_id ? { phone: customer.phone, customer, viaBsuid: true } : null
  }

  /** The number change: the user keeps their chat, gets a new phone and (Meta) a new BSUID. */
  function changeNumber(account, from, to) {
    const customer = find(account, from)
    if (!customer) return null
    const previous = { phone: customer.phone, user_id: customer.user_id }
    byPhone.delete(`${account.waba_id}:${from}`)
    byBsuid.delete(customer.user_id)
    customer.phone = to
    customer.user_id = bsuidFor(account.waba_id, to)
    byPhone.set(`${account.waba_id}:${to}`, customer)
    byBsuid.set(customer.user_id, customer)
    return { previous, customer }
  }

  return { register, find, resolveRecipient, changeNumber }
}

module.exports = { createCustomers, bsuidFor }
