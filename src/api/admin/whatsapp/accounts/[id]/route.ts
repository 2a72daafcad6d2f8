import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWhatsAppAccountWorkflow } from "../../../../../workflows/channel/workflows/delete-whatsapp-account"
import { describeCatalogSharing } from "../../../../../workflows/catalog/catalog-sharing"
import { updateWhatsAppAccountWorkflow } from "../../../../../workflows/channel/workflows/update-whatsapp-account"
import { retrieveAccount } from "../helpers"
import type { AdminUpdateWhatsAppAccountType } from "../validators"
import type { AdminWhatsAppAccountDeleteResponse, AdminWhatsAppAccountDetailResponse, AdminWhatsAppAccountResponse } from "../../../../../types/http"

/** The account, and `catalog_sharing`: which other numbers use its catalog and how the catalog is priced. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAccountDetailResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  res.json({ account, catalog_sharing: await describeCatalogSharing(req.scope, account as any) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateWhatsAppAccountType>,
  res: MedusaResponse<AdminWhatsAppAccountResponse>
) => {
  await retrieveAccount(req.scope, req.params.id)
  await updateWhatsAppAccountWorkflow(req.scope).run({
    input: { id: req.params.id, ...(req.validatedBody as any) },
  })
  res.json({ account: await retrieveAccount(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAccountDeleteResponse>) => {
  await retrieveAccount(req.scope, req.params.id)
  await deleteWhatsAppAccountWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_account", deleted: true })
}
