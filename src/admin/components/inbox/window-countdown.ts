import { useEffect, useState } from "react"

/** A clock that re-renders its user, so countdowns move between polls. */
export function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

export type WindowState = {
  open: boolean
  /** "23h 12m left", "45m left", "window closed". */
  label: string
  /** Under four hours left: worth a warning color. */
  closingSoon: boolean
}

/**
 * Time left in Meta's 24-hour customer-service window. Computed from
 * window_closes_at on the client (not the server's window_open) so it keeps
 * counting down between polls.
 */
export function serviceWindow(closesAt: string | null | undefined, now: number): WindowState {
  const left = closesAt ? new Date(closesAt).getTime() - now : -1
  if (!(left > 0)) {
    return { open: false, label: "window closed", closingSoon: false }
  }
  const minutes = Math.floor(left / 60_000)
  const hours = Math.floor(minutes / 60)
  const label = hours > 0 ? `${hours}h ${minutes % 60}m left` : minutes > 0 ? `${minutes}m left` : "<1m left"
  return { open: true, label, closingSoon: left < 4 * 60 * 60_000 }
}
