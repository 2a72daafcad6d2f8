import { applyMessageAction, type LifecycleState, type TimedAction } from "../message-lifecycle"

const original: LifecycleState = { text: "v0", edited_at: null, edits: [], revoked_at: null, reaction_emoji: null, reacted_at: null }
const at = (s: number) => new Date(1_700_000_000_000 + s * 1000)
const edit = (s: number, text: string): TimedAction => ({ kind: "edit", target_wamid: "w0", text, at: at(s), wamid: `e${s}` })
const react = (s: number, emoji: string | null): TimedAction => ({ kind: "reaction", target_wamid: "w0", emoji, at: at(s), wamid: `r${s}` })
const apply = (actions: TimedAction[]) => actions.reduce(applyMessageAction, original)

describe("applyMessageAction", () => {
  it("an edit replaces the text and keeps the one before", () => {
    const after = apply([edit(10, "v1"), edit(20, "v2")])
    expect(after.text).toBe("v2")
    expect(after.edited_at).toEqual(at(20))
    expect(after.edits.map((e) => [e.text, e.wamid])).toEqual([["v0", "e10"], ["v1", "e20"]])
  })

  it("edits arriving in any order end the same, history included", () => {
    const inOrder = apply([edit(10, "v1"), edit(20, "v2"), edit(30, "v3")])
    for (const order of [[30, 10, 20], [20, 30, 10], [30, 20, 10]]) {
      const texts: Record<number, string> = { 10: "v1", 20: "v2", 30: "v3" }
      expect(apply(order.map((s) => edit(s, texts[s])))).toEqual(inOrder)
    }
  })

  it("a redelivered edit changes nothing", () => {
    const once = apply([edit(10, "v1")])
    expect(applyMessageAction(once, edit(10, "v1"))).toEqual(once)
  })

  it("the newest reaction wins; a removal clears it; an older one arriving late is ignored", () => {
    expect(apply([react(10, "👍")]).reaction_emoji).toBe("👍")
    expect(apply([react(10, "👍"), react(20, null)]).reaction_emoji).toBeNull()
    expect(apply([react(20, null), react(10, "👍")]).reaction_emoji).toBeNull()
    expect(apply([react(20, "❤️"), react(10, "👍")]).reaction_emoji).toBe("❤️")
  })

  it("a revoke marks the message once and keeps its text (for the audit trail)", () => {
    const revoked = apply([{ kind: "revoke", target_wamid: "w0", at: at(5), wamid: "x" }, { kind: "revoke", target_wamid: "w0", at: at(9), wamid: "y" }])
    expect(revoked.revoked_at).toEqual(at(5))
    expect(revoked.text).toBe("v0")
  })
})
