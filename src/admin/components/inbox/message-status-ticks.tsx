import { clx } from "@medusajs/ui"
import type { AdminWhatsAppMessageStatus as MessageStatus } from "../../../types/http"

/** WhatsApp's own tick vocabulary, so merchants read delivery state at a glance. */
const TICKS: Record<string, { symbol: string; label: string; className: string }> = {
  queued: { symbol: "⏳", label: "Queued", className: "text-ui-fg-muted" },
  sending: { symbol: "⏳", label: "Sending", className: "text-ui-fg-muted" },
  sent: { symbol: "✓", label: "Sent", className: "text-ui-fg-muted" },
  delivered: { symbol: "✓✓", label: "Delivered", className: "text-ui-fg-muted" },
  read: { symbol: "✓✓", label: "Read", className: "text-ui-fg-interactive" },
  played: { symbol: "✓✓ ▶", label: "Played", className: "text-ui-fg-interactive" },
  failed: { symbol: "✕", label: "Failed", className: "text-ui-fg-error" },
}

export const MessageStatusTicks = ({ status }: { status: MessageStatus }) => {
  const tick = TICKS[status]
  if (!tick) return null
  return (
    <span
      className={clx("txt-compact-xsmall-plus", tick.className)}
      title={tick.label}
      aria-label={tick.label}
      data-testid="message-status"
      data-status={status}
    >
      {tick.symbol}
    </span>
  )
}
