/**
 * How edits, revokes and reactions change the message they name. Webhooks
 * may arrive in any order, so each change carries Meta's timestamp and the
 * newest one wins, whichever was applied first; every text the message ever
 * had is kept in `edits` (oldest first) for the audit trail.
 */
import type { MessageAction } from "./webhook-message-context"

export type EditRecord = { text: string | null; at: string; wamid: string }

export type LifecycleState = {
  text: string | null
  edited_at: Date | null
  /** Texts the message had before, oldest first, each with when it was replaced. */
  edits: EditRecord[]
  revoked_at: Date | null
  reaction_emoji: string | null
  reacted_at: Date | null
}

export type TimedAction = MessageAction & { at: Date; wamid: string }

const later = (a: Date, b: Date | null) => !b || a.getTime() >= b.getTime()

/** The state after one action (pure: returns a new object). */
export function applyMessageAction(state: LifecycleState, action: TimedAction): LifecycleState {
  switch (action.kind) {
    case "reaction":
      return later(action.at, state.reacted_at) ? { ...state, reaction_emoji: action.emoji, reacted_at: action.at } : state
    case "revoke":
      // The first revoke stands: a message is deleted once.
      return state.revoked_at ? state : { ...state, revoked_at: action.at }
    case "edit": {
      if (state.edits.some((e) => e.wamid === action.wamid)) return state
      if (later(action.at, state.edited_at)) {
        const replaced: EditRecord = { text: state.text, at: action.at.toISOString(), wamid: action.wamid }
        return { ...state, text: action.text, edited_at: action.at, edits: [...state.edits, replaced] }
      }
      // An older edit arriving late: it slots in before the next edit, which
      // then replaced this edit's text rather than the one before it.
      const edits = [...state.edits].sort((a, b) => a.at.localeCompare(b.at))
      const at = action.at.toISOString()
      const next = edits.findIndex((e) => e.at > at)
      const slot = next === -1 ? edits.length : next
      const inserted: EditRecord = { text: edits[slot]?.text ?? state.text, at, wamid: action.wamid }
      if (edits[slot]) edits[slot] = { ...edits[slot], text: action.text }
      edits.splice(slot, 0, inserted)
      return { ...state, edits }
    }
  }
}
