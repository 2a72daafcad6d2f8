import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWhatsAppAccountWorkflow } from "../../../../../workflows/channel/workflows/delete-whatsapp-account"
import { updateWhatsAppAccountWorkflow } from "../../../../../workflows/channel/workflows/update-whatsapp-account"
import { retrieveAccount } from "../helpers"
import type { AdminUpdateWhatsAppAccountType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ account: await retrieveAccount(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateWhatsAppAccountType>,
  res: MedusaResponse
) => {
  await retrieveAccount(req.scope, req.params.id)
  await updateWhatsAppAccountWorkflow(req.scope).run({
    input: { id: req.params.id, ...(req.validatedBody as any) },
  })
  res.json({ account: await retrieveAccount(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveAccount(req.scope, req.params.id)
  await deleteWhatsAppAccountWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_account", deleted: true })
}
