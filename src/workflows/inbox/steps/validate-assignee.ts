import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** An assignee must be an existing admin user (Medusa's user module); null unassigns. */
export const validateAssigneeStep = createStep("validate-whatsapp-assignee", async (input: { user_id: string | null | undefined }, { container }) => {
  if (!input.user_id) return new StepResponse(null)
  const users = container.resolve(Modules.USER)
  const [user] = await users.listUsers({ id: input.user_id }, { select: ["id"] })
  if (!user) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `assigned_to_id: no admin user ${input.user_id}`)
  }
  return new StepResponse(user.id)
})
