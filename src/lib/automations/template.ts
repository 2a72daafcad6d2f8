import type { AutomationAction } from "../../types/http/automations"
import { actionTexts, isKnownVariable, variablesIn } from "./text-variables"

export { variablesIn }

/** `{{ name }}`, spaces allowed inside the braces (as text-variables reads them). */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** Names used by the actions that are not known variables (a rule naming one is refused when saved). */
export function unknownVariables(actions: AutomationAction[]): string[] {
  const unknown = new Set<string>()
  for (const action of actions) {
    for (const { text } of actionTexts(action)) for (const name of variablesIn(text)) if (!isKnownVariable(name)) unknown.add(name)
  }
  return [...unknown]
}

/**
 * Replaces each `{{name}}` with its value. A known variable with no value
 * for this event (no cart behind a message, say) becomes an empty string, so
 * a customer never sees braces.
 */
export function renderTemplate(text: string, variables: Record<string, string | null | undefined>): string {
  return (text ?? "").replace(VARIABLE, (_, name: string) => variables[name] ?? "")
}
