import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"

/** Hides the middle of a phone number so a list of chats doesn't expose everyone's number at a glance. */
export function maskedPhone(waId: string) {
  if (waId.length <= 6) return `+${waId}`
  return `+${waId.slice(0, 2)} •••• ${waId.slice(-4)}`
}

export function conversationName(conversation: Pick<Conversation, "profile_name" | "wa_id" | "username" | "user_id">) {
  return (
    conversation.profile_name?.trim() ||
    (conversation.username ? `@${conversation.username.replace(/^@/, "")}` : null) ||
    (conversation.wa_id ? maskedPhone(conversation.wa_id) : conversation.user_id ?? "WhatsApp customer")
  )
}

/**
 * How the customer is reached, for the thread header: the phone when Meta
 * shares it; otherwise the username and the BSUID, and that the phone is
 * unknown (a customer with a WhatsApp username may withhold it).
 */
export function conversationContact(conversation: Pick<Conversation, "wa_id" | "username" | "user_id">) {
  const username = conversation.username ? `@${conversation.username.replace(/^@/, "")}` : null
  if (conversation.wa_id) return [`+${conversation.wa_id}`, username].filter(Boolean).join(" · ")
  return [username, "phone unknown (WhatsApp username)", conversation.user_id].filter(Boolean).join(" · ")
}

/** Today: the time only; otherwise the date too. */
export function shortTime(value: string | null | undefined) {
  if (!value) return ""
  const date = new Date(value)
  const sameDay = date.toDateString() === new Date().toDateString()
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short" })
}

/** Messages always show the time; the date only when it isn't today. */
export function messageTime(value: string) {
  const date = new Date(value)
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
  if (date.toDateString() === new Date().toDateString()) return time
  return `${date.toLocaleDateString(undefined, { day: "numeric", month: "short" })}, ${time}`
}

export function fullTime(value: string) {
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** An admin user as the team knows them: their name, else their email. */
export function adminUserName(user: { first_name?: string | null; last_name?: string | null; email: string }) {
  return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
}
