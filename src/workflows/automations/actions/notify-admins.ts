import { MedusaError, Modules } from "@medusajs/framework/utils"
import { renderTemplate } from "../../../lib/automations/template"
import { describeError } from "../../../lib/safe-error"
import type { AutomationActionHandler } from "../types"
import { actionKey } from "./queue-message"

/**
 * No provider serves the channel. Medusa's notification module throws a
 * NOT_FOUND MedusaError for it, but through promiseAll's aggregated errors it
 * can arrive as a plain Error with the same message (the first attempt did,
 * and was retried for nothing): both count.
 */
const noProvider = (error: unknown) =>
  (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.NOT_FOUND) ||
  /Could not find a notification provider for channel|Notification provider \S+ is not enabled/.test((error as Error)?.message ?? "")

/**
 * The admin feed (Medusa's `feed` channel, as the plugin's hand-off notice)
 * and, when `emails` are given, the `email` channel of whatever provider the
 * store configured. The notification module's idempotency key keeps a
 * retried run from notifying twice. A channel without a provider is a
 * recorded skip, not a failure.
 */
export const handler: AutomationActionHandler<"notify_admins"> = async (action, context) => {
  const notifications = context.container.resolve(Modules.NOTIFICATION)
  const title = renderTemplate(action.title, context.variables)
  const description = renderTemplate(action.text, context.variables)
  const resource = context.event.conversation_id ? { resource_type: "whatsapp_conversation", resource_id: context.event.conversation_id } : {}
  const sent: string[] = []
  const skipped: string[] = []
  const send = async (channel: "feed" | "email", to: string, key: string) => {
    try {
      await notifications.createNotifications([
        { to, channel, template: channel === "feed" ? "admin-ui" : "whatsapp-automation", ...resource, data: { title, description }, idempotency_key: key },
      ])
      sent.push(channel === "feed" ? "feed" : `email ${sent.filter((s) => s.startsWith("email")).length + 1}`)
    } catch (error) {
      if (!noProvider(error)) throw error
      skipped.push(`no ${channel} provider`)
    }
  }
  try {
    await send("feed", "", actionKey(context, "feed"))
    for (const [i, email] of (action.emails ?? []).entries()) await send("email", email, actionKey(context, `email:${i}`))
  } catch (error) {
    return { status: "failed", detail: `notification not sent: ${describeError(error)}`, retryable: true }
  }
  const detail = [sent.length ? `sent: ${sent.join(", ")}` : null, skipped.length ? `skipped: ${[...new Set(skipped)].join(", ")}` : null].filter(Boolean).join("; ")
  return { status: sent.length ? "done" : "skipped", detail }
}
