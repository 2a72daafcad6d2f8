import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  type AutomationRuleInput,
  type NewAutomationRuleInput,
  createAutomationRuleStep,
  deleteAutomationRuleStep,
  updateAutomationRuleStep,
} from "../steps/automation-rule-steps"

/** Saves a new automation rule (refused with the names of any unknown `{{variable}}`). */
export const createWhatsAppAutomationWorkflow = createWorkflow(
  "create-whatsapp-automation",
  (input: NewAutomationRuleInput) => new WorkflowResponse(createAutomationRuleStep(input))
)

/** Changes a rule; runs already booked run with the rule as it is when they run. */
export const updateWhatsAppAutomationWorkflow = createWorkflow(
  "update-whatsapp-automation",
  (input: AutomationRuleInput & { id: string }) => new WorkflowResponse(updateAutomationRuleStep(input))
)

/** Deletes a rule (soft): its waiting runs end skipped, its past runs stay. */
export const deleteWhatsAppAutomationWorkflow = createWorkflow(
  "delete-whatsapp-automation",
  (input: { id: string }) => new WorkflowResponse(deleteAutomationRuleStep(input))
)
