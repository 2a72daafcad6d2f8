import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyAdminStep } from "../../selling/steps/notify-admin"
import { assigneeNoticeStep } from "../steps/assignee-notice"

/** A customer wrote in an assigned conversation: the assignee hears of it in their admin feed. */
export const notifyWhatsAppAssigneeWorkflow = createWorkflow(
  "notify-whatsapp-assignee",
  (input: { conversation_id: string; type: string }) => {
    const notice = assigneeNoticeStep(input)
    return new WorkflowResponse(notifyAdminStep(notice).config({ name: "notify-whatsapp-assignee-feed" }))
  }
)
