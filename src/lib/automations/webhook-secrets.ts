import type { AutomationAction } from "../../types/http/automations"

type Webhook = Extract<AutomationAction, { type: "webhook" }>
type ActionInput = AutomationAction | (Omit<Webhook, "secret"> & { secret?: string })

/** What the admin API shows instead of a secret starts so (lib/secret-box maskSecret); sent back, it means "keep". */
export const SECRET_MASK = "••••"

export function isMaskedSecret(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(SECRET_MASK)
}

/** The actions with each webhook secret replaced by `mask(stored)`: what the API returns. */
export function maskWebhookSecrets(actions: AutomationAction[], mask: (stored: string) => string): AutomationAction[] {
  return actions.map((a) => (a.type === "webhook" ? { ...a, secret: mask(a.secret) } : a))
}

/**
 * The actions to store: a new webhook secret sealed; a masked or absent one
 * replaced by the stored secret of the same webhook in `before` (the same
 * URL, preferring the same position; else the webhook at that position, its
 * URL edited), sealed if it was
 * still stored in clear. `missing` lists the positions (0-based) of webhooks
 * with no secret to keep: a new webhook needs one.
 */
export function sealWebhookSecrets(
  actions: ActionInput[],
  before: AutomationAction[],
  box: { seal: (clear: string) => string; isSealed: (value: string) => boolean }
): { actions: AutomationAction[]; missing: number[] } {
  const missing: number[] = []
  const webhooks = before.filter((b): b is Webhook => b.type === "webhook")
  const stored = (a: ActionInput, index: number): string | null => {
    const url = (a as Webhook).url
    const here = before[index]?.type === "webhook" ? (before[index] as Webhook) : null
    const match = (here?.url === url ? here : null) ?? webhooks.find((b) => b.url === url) ?? here
    return match?.secret ?? null
  }
  const sealed = actions.map((a, index): AutomationAction => {
    if (a.type !== "webhook") return a
    const given = a.secret && !isMaskedSecret(a.secret) ? a.secret : stored(a, index)
    if (!given) {
      missing.push(index)
      return a as Webhook
    }
    return { ...a, secret: box.isSealed(given) ? given : box.seal(given) }
  })
  return { actions: sealed, missing }
}
