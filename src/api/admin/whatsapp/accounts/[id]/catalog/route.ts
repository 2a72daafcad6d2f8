import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { connectWhatsAppCatalogWorkflow } from "../../../../../../workflows/catalog/workflows/connect-whatsapp-catalog"
import type { AdminWhatsAppConnectCatalogResponse } from "../../../../../../types/http"
import type { AdminConnectCatalogType } from "../../../catalog/validators"
import { withMetaErrors } from "../../../meta-errors"
import { retrieveAccount } from "../../helpers"

/** Links a Meta catalog: checked through the Graph API, commerce settings turned on. */
export const POST = withMetaErrors(
  "Meta refused to connect the catalog",
  async (req: AuthenticatedMedusaRequest<AdminConnectCatalogType>, res: MedusaResponse<AdminWhatsAppConnectCatalogResponse>) => {
    await retrieveAccount(req.scope, req.params.id)
    const { result } = await connectWhatsAppCatalogWorkflow(req.scope).run({
      input: { account_id: req.params.id, ...req.validatedBody },
    })
    res.json({ account: await retrieveAccount(req.scope, req.params.id), catalog: result.catalog, commerce_settings: result.commerce })
  }
)
