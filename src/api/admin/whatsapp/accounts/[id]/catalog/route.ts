import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { connectWhatsAppCatalogWorkflow } from "../../../../../../workflows/catalog/workflows/connect-whatsapp-catalog"
import type { AdminConnectCatalogType } from "../../../catalog/validators"
import { retrieveAccount } from "../../helpers"

/** Links a Meta catalog: checked through the Graph API, commerce settings turned on. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConnectCatalogType>, res: MedusaResponse) => {
  await retrieveAccount(req.scope, req.params.id)
  const { result } = await connectWhatsAppCatalogWorkflow(req.scope).run({
    input: { account_id: req.params.id, ...req.validatedBody },
  })
  res.json({ account: await retrieveAccount(req.scope, req.params.id), catalog: result.catalog, commerce_settings: result.commerce })
}
