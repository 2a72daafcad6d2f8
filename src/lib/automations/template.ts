import { AUTOMATION_VARIABLES, type AutomationAction } from "../../types/http/automations"

/** `{{ name }}`: letters, digits and underscores, spaces allowed inside the braces. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The variable names a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  const names = new Set<string>()
  for (const match of (text ?? "").matchAll(VARIABLE)) names.add(match[1])
  return [...names]
}

/** Every text of an action that may hold variables. */
export function actionTexts(action: AutomationAction): string[] {
  switch (action.type) {
    case "send_text":
    case "send_discount":
      return [action.text]
    case "send_template":
      return action.parameters
    case "send_products":
    case "send_collection":
      return action.text ? [action.text] : []
    case "notify_admins":
      return [action.title, action.text]
    case "tag_conversation":
      return [action.tag]
    default:
      return []
  }
}

/** Names used by the actions that are not known variables (a rule naming one is refused when saved). */
export function unknownVariables(actions: AutomationAction[]): string[] {
  const known = new Set<string>(AUTOMATION_VARIABLES)
  const unknown = new Set<string>()
  for (const action of actions) for (const text of actionTexts(action)) for (const name of variablesIn(text)) if (!known.has(name)) unknown.add(name)
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
