import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveFaqAnswersStep, type FaqAnswerInput } from "../steps/save-faq-answers"

/** An admin edits the account's FAQ answers (shipping, returns, payment methods, opening hours) per language. */
export const saveWhatsAppFaqAnswersWorkflow = createWorkflow(
  "save-whatsapp-faq-answers",
  (input: { account_id: string; answers: FaqAnswerInput[] }) => {
    saveFaqAnswersStep(input)
    return new WorkflowResponse(input)
  }
)
