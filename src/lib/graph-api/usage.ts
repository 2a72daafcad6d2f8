import type { GraphUsage } from "./types"

/**
 * Reads Meta's usage headers. `X-App-Usage` is `{call_count, total_cputime,
 * total_time}` in percent; `X-Business-Use-Case-Usage` maps business ids to
 * lists of the same plus `estimated_time_to_regain_access` (minutes).
 */
export function parseUsageHeaders(headers: { get(name: string): string | null }): GraphUsage | null {
  const percents: number[] = []
  let regain = 0
  const collect = (entry: Record<string, unknown>) => {
    for (const key of ["call_count", "total_cputime", "total_time", "acc_id_util_pct"]) {
      const value = Number(entry[key])
      if (Number.isFinite(value)) percents.push(value)
    }
    const minutes = Number(entry.estimated_time_to_regain_access)
    if (Number.isFinite(minutes)) regain = Math.max(regain, minutes)
  }
  for (const name of ["x-app-usage", "x-ad-account-usage"]) {
    const raw = headers.get(name)
    if (raw) {
      try {
        collect(JSON.parse(raw))
      } catch {
        // a malformed header tells us nothing; ignore it
      }
    }
  }
  const business = headers.get("x-business-use-case-usage")
  if (business) {
    try {
      for (const list of Object.values(JSON.parse(business) as Record<string, unknown>)) {
        for (const entry of Array.isArray(list) ? list : []) collect(entry)
      }
    } catch {
      // ignore
    }
  }
  return percents.length || regain ? { maxPercent: Math.max(0, ...percents), regainAccessMinutes: regain } : null
}
