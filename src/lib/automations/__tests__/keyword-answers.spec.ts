import type { AutomationAction, AutomationRule } from "../../../types/http/automations"
import { answeringKeywordRule, rulesToBook } from "../trigger-match"

type Rule = Pick<AutomationRule, "id" | "enabled" | "account_id" | "trigger" | "priority" | "actions">
const reply: AutomationAction = { type: "send_text", text: "Enviamos en 24 h." }
const tag: AutomationAction = { type: "tag_conversation", tag: "envio" }
const rule = (id: string, over: Partial<Rule> = {}): Rule => ({
  id,
  enabled: true,
  account_id: "a1",
  priority: 0,
  trigger: { type: "message_received", keywords: ["envio"], match: "contains" },
  actions: [reply],
  ...over,
})
const event = (text: string) => ({ type: "message_received" as const, account_id: "a1", text })

describe("answeringKeywordRule", () => {
  it("picks the matching answering rule the keyword auto-replies would have picked: priority, then exact, then id", () => {
    const low = rule("r1")
    const high = rule("r2", { priority: 5 })
    expect(answeringKeywordRule([low, high], event("¿Cuánto tarda el ENVÍO?"))).toBe(high)
    const exact = rule("r9", { trigger: { type: "message_received", keywords: ["envio"], match: "exact" } })
    expect(answeringKeywordRule([low, exact], event("envio"))).toBe(exact)
    expect(answeringKeywordRule([rule("r3"), low], event("envio"))).toBe(low)
  })

  it("ignores rules that do not answer, have no keywords, are off, belong to another number or do not match", () => {
    const candidates = [
      rule("tag", { actions: [tag], priority: 9 }),
      rule("any", { trigger: { type: "message_received" }, priority: 9 }),
      rule("off", { enabled: false, priority: 9 }),
      rule("other", { account_id: "a2", priority: 9 }),
      rule("miss", { trigger: { type: "message_received", keywords: ["horario"] }, priority: 9 }),
    ]
    expect(answeringKeywordRule(candidates, event("envio"))).toBeNull()
    expect(answeringKeywordRule([rule("r1")], { type: "cart_submitted", account_id: "a1", text: "envio" })).toBeNull()
  })
})

describe("rulesToBook", () => {
  it("books every rule that fires, but of the answering keyword rules only the one that answers", () => {
    const low = rule("low")
    const high = rule("high", { priority: 1, actions: [reply, tag] })
    const tagger = rule("tagger", { actions: [tag] })
    const everyText = rule("every", { trigger: { type: "message_received" } })
    const miss = rule("miss", { trigger: { type: "message_received", keywords: ["horario"] } })
    expect(rulesToBook([low, high, tagger, everyText, miss], event("envio")).map((r) => r.id)).toEqual(["high", "tagger", "every"])
    expect(rulesToBook([low, high, tagger, everyText, miss], event("horario")).map((r) => r.id)).toEqual(["every", "miss"])
  })
})
