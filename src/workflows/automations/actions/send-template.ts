import { renderTemplate } from "../../../lib/automations/template"
import type { AutomationActionHandler } from "../types"
import { queueMessage } from "./queue-message"

/** An approved template (allowed outside the 24-hour window); each body parameter is a text with variables. */
export const handler: AutomationActionHandler<"send_template"> = async (action, context) => {
  const parameters = action.parameters.map((p) => ({ type: "text" as const, text: renderTemplate(p, context.variables) || "-" }))
  return queueMessage(context, {
    type: "template",
    template: {
      name: action.name,
      language: { code: action.language },
      ...(parameters.length ? { components: [{ type: "body" as const, parameters }] } : {}),
    },
  })
}
