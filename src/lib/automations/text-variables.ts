import { AUTOMATION_VARIABLES, type AutomationAction, type AutomationVariable } from "../../types/http/automations"

/**
 * `{{name}}` placeholders in an automation's texts. The admin page lists the
 * known ones beside each text and flags the others before saving (the server
 * refuses them too, with a 400 naming them).
 */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

export function isKnownVariable(name: string): name is AutomationVariable {
  return (AUTOMATION_VARIABLES as readonly string[]).includes(name)
}

/** The names written in `text`, trimmed, each once, in the order they first appear. */
export function variablesIn(text: string): string[] {
  const names: string[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1].trim()
    if (!names.includes(name)) names.push(name)
  }
  return names
}

/**
 * What is wrong with the placeholders of one text: names that are not
 * variables ("" for an empty `{{}}`), and whether a `{{` is never closed
 * (or a `}}` never opened), which would reach the customer as typed.
 */
export function textVariableProblems(text: string): { unknown: string[]; unbalanced: boolean } {
  const unknown = variablesIn(text).filter((name) => !isKnownVariable(name))
  const rest = text.replace(PLACEHOLDER, "")
  return { unknown, unbalanced: rest.includes("{{") || rest.includes("}}") }
}

/** The texts of an action that are sent with their variables filled, labelled for error messages. */
export function actionTexts(action: AutomationAction): { field: string; text: string }[] {
  switch (action.type) {
    case "send_text":
    case "send_discount":
      return [{ field: "text", text: action.text }]
    case "send_products":
    case "send_collection":
      return action.text ? [{ field: "text", text: action.text }] : []
    case "notify_admins":
      return [
        { field: "title", text: action.title },
        { field: "text", text: action.text },
      ]
    case "tag_conversation":
      return [{ field: "tag", text: action.tag }]
    case "send_template":
      return action.parameters.map((text, i) => ({ field: `parameters.${i}`, text }))
    default:
      return []
  }
}

export type ActionVariableProblem = { index: number; field: string; unknown: string[]; unbalanced: boolean }

/** Every action text with an unknown variable or an unbalanced brace; empty when the rule can be saved. */
export function actionVariableProblems(actions: AutomationAction[]): ActionVariableProblem[] {
  return actions.flatMap((action, index) =>
    actionTexts(action)
      .map(({ field, text }) => ({ index, field, ...textVariableProblems(text) }))
      .filter((p) => p.unknown.length > 0 || p.unbalanced)
  )
}
