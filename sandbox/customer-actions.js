// What a customer's phone lets them do to messages already in the chat, with
// the limits Meta documents, and how the phone then shows the chat:
// - edit their own text within 15 minutes ("Edit messages webhook reference":
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/edit)
// - revoke (delete for everyone) their own message within two days ("Revoke
//   messages webhook reference": .../webhooks/reference/messages/revoke/)
// - react to a business message from the last 30 days, or remove the reaction
//   ("Reaction messages webhook reference": .../webhooks/reference/messages/reaction/)
// - reply to (quote) any message of the chat: context.id (.../reference/messages/text/)
const EDIT_MS = 15 * 60 * 1000
const REVOKE_MS = 2 * 24 * 60 * 60 * 1000
const REACT_MS = 30 * 24 * 60 * 60 * 1000
const ACTIONS = new Set(["edit", "revoke", "reaction"])

const messageOf = (received) => received.payload.entry[0].changes[0].value.messages[0]

/** Why the phone would not let the customer do this (null: allowed). */
function actionProblem(state, account, from, body, now) {
  const own = (wamid) => {
    const m = state.inbound.get(wamid)
    return m && m.from === from && m.phone_number_id === account.phone_number_id ? m : null
  }
  const business = (wamid) => state.messages.find((m) => m.wamid === wamid && m.to === from && m.phone_number_id === account.phone_number_id)
  if (body.reply_to && !own(body.reply_to) && !business(body.reply_to)) return `reply_to ${body.reply_to} is not a message of this chat`
  if (!ACTIONS.has(body.type)) return null
  if (body.type === "reaction") {
    const target = business(body.message_id)
    if (!target) return "a customer can react only to a message the business sent them"
    return now - target.at > REACT_MS ? "the message is older than 30 days" : null
  }
  const target = own(body.original_wamid)
  if (!target) return `${body.type}: original_wamid must be one of the customer's own messages in this chat`
  if (target.revoked) return "the message was deleted"
  if (body.type === "edit") {
    if (messageOf(target).type !== "text") return "only a text message can be edited here"
    if (typeof body.text !== "string" || !body.text.trim()) return "edit: text is required"
    return now - target.at > EDIT_MS ? "a message can be edited only within 15 minutes of sending it" : null
  }
  return now - target.at > REVOKE_MS ? "a message can be deleted for everyone only within two days" : null
}

/** Records what the action did, for the phone's own view of the chat. */
function applyAction(state, body) {
  if (body.type === "edit") state.inbound.get(body.original_wamid).edited = body.text
  if (body.type === "revoke") state.inbound.get(body.original_wamid).revoked = true
  if (body.type === "reaction") state.messages.find((m) => m.wamid === body.message_id).reaction = body.emoji || null
}

/** The customer's messages as the phone shows them: actions apply to their targets instead of showing as bubbles. */
function customerEntries(received) {
  return received
    .filter((m) => !ACTIONS.has(messageOf(m).type))
    .map((m) => {
      const message = messageOf(m)
      const shown = m.revoked ? { type: "revoked" } : m.edited !== undefined ? { ...message, text: { body: m.edited } } : message
      return { direction: "customer", wamid: m.wamid, at: m.at, status: m.status, message: shown, edited: m.edited !== undefined && !m.revoked, revoked: !!m.revoked }
    })
}

module.exports = { actionProblem, applyAction, customerEntries }
