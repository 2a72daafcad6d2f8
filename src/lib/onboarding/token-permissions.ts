import type { DebugTokenData } from "../graph-api/types"

/** The permissions the plugin needs on the WABA: manage it (webhooks, registration, catalog) and send from it. */
export const REQUIRED_PERMISSIONS = ["whatsapp_business_management", "whatsapp_business_messaging"] as const

/**
 * The permissions missing from a token for one WABA, read from `debug_token`:
 * a granular scope counts when it names the WABA among its `target_ids`, or
 * has none (then it covers every object the token reaches).
 * https://developers.facebook.com/docs/graph-api/reference/debug_token
 */
export function missingPermissions(data: DebugTokenData, wabaId: string): string[] {
  if (!data.is_valid) return [...REQUIRED_PERMISSIONS]
  const granular = data.granular_scopes ?? []
  return REQUIRED_PERMISSIONS.filter((scope) => {
    const grant = granular.find((g) => g.scope === scope)
    return !grant || (grant.target_ids !== undefined && !grant.target_ids.includes(wabaId))
  })
}
