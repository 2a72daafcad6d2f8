import type { AutomationAction } from "../../../types/http/automations"
import { isMaskedSecret, maskWebhookSecrets, sealWebhookSecrets } from "../webhook-secrets"

const box = { seal: (clear: string) => `sealed(${clear})`, isSealed: (v: string) => v.startsWith("sealed(") }
const hook = (url: string, secret?: string) => ({ type: "webhook" as const, url, ...(secret === undefined ? {} : { secret }) }) as AutomationAction
const tag: AutomationAction = { type: "tag_conversation", tag: "x" }

describe("sealWebhookSecrets", () => {
  it("seals a new secret and leaves other actions alone", () => {
    expect(sealWebhookSecrets([tag, hook("https://a", "new-secret-0000000")], [], box)).toEqual({
      actions: [tag, hook("https://a", "sealed(new-secret-0000000)")],
      missing: [],
    })
  })

  it("keeps the stored secret when the mask comes back or the secret is left out, matched by URL, else by position", () => {
    const before = [hook("https://a", "sealed(A)"), hook("https://b", "sealed(B)")]
    expect(sealWebhookSecrets([hook("https://b", "••••1234"), hook("https://a")], before, box).actions).toEqual([
      hook("https://b", "sealed(B)"),
      hook("https://a", "sealed(A)"),
    ])
    expect(sealWebhookSecrets([hook("https://moved", "••••")], before, box).actions).toEqual([hook("https://moved", "sealed(A)")])
  })

  it("seals a secret stored in clear before secrets were sealed, and reports a new webhook without one", () => {
    expect(sealWebhookSecrets([hook("https://a", "••••")], [hook("https://a", "legacy-clear-secret")], box).actions).toEqual([
      hook("https://a", "sealed(legacy-clear-secret)"),
    ])
    expect(sealWebhookSecrets([tag, hook("https://a", "••••")], [], box).missing).toEqual([1])
  })
})

describe("maskWebhookSecrets", () => {
  it("masks every webhook secret and nothing else", () => {
    const masked = maskWebhookSecrets([hook("https://a", "sealed(A)"), tag], () => "••••abcd")
    expect(masked).toEqual([hook("https://a", "••••abcd"), tag])
    expect(isMaskedSecret(masked[0].type === "webhook" && masked[0].secret)).toBe(true)
    expect(isMaskedSecret("a-real-secret-0001")).toBe(false)
  })
})
