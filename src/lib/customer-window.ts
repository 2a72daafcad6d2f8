/** Meta's customer-service window: 24 hours after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000

export function isServiceWindowOpen(lastInboundAt: Date | string | null | undefined, now: Date = new Date()) {
  if (!lastInboundAt) {
    return false
  }
  const last = new Date(lastInboundAt).getTime()
  return now.getTime() - last < SERVICE_WINDOW_MS
}

export function serviceWindowClosesAt(lastInboundAt: Date | string | null | undefined): Date | null {
  return lastInboundAt ? new Date(new Date(lastInboundAt).getTime() + SERVICE_WINDOW_MS) : null
}
