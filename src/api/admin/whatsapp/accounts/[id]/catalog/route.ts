import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogErrorResponse } from "../../../../../../lib/graph-api/catalog-errors"
import type { AdminWhatsAppCatalogConflictError, AdminWhatsAppConnectCatalogResponse } from "../../../../../../types/http"
import { connectWhatsAppCatalogWorkflow } from "../../../../../../workflows/catalog/workflows/connect-whatsapp-catalog"
import type { AdminConnectCatalogType } from "../../../catalog/validators"
import { startCatalogSync } from "../../../catalog/start-sync"
import { retrieveAccount } from "../../helpers"

/**
 * Links a Meta catalog: checked through the Graph API, connected to the WABA
 * at Meta (another catalog there is replaced only with `replace: true`, else
 * 409 with `waba_catalog_id`), commerce settings turned on, stored; with
 * `start_sync` the first sync starts and its run is returned. Meta's refusals
 * come back explained (AdminWhatsAppOnboardingError, step "catalog"), with
 * nothing stored.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminConnectCatalogType>,
  res: MedusaResponse<AdminWhatsAppConnectCatalogResponse | AdminWhatsAppCatalogConflictError | unknown>
) => {
  const { start_sync, ...input } = req.validatedBody
  await retrieveAccount(req.scope, req.params.id)
  let result
  try {
    ;({ result } = await connectWhatsAppCatalogWorkflow(req.scope).run({ input: { account_id: req.params.id, ...input } }))
  } catch (error: any) {
    if (error?.name === "WabaCatalogConflictError") {
      const conflict: AdminWhatsAppCatalogConflictError = {
        type: "waba_catalog_conflict",
        message: error.message,
        step: "catalog",
        next_step: `Send the request again with "replace": true to disconnect catalog ${error.waba_catalog_id} and connect ${input.catalog_id}; the other catalog's items stay in Commerce Manager.`,
        meta_error: null,
        waba_catalog_id: error.waba_catalog_id,
      }
      return res.status(409).json(conflict)
    }
    const explained = catalogErrorResponse(error, error?.failed ?? `Catalog ${input.catalog_id} could not be connected`)
    if (explained) return res.status(explained.status).json(explained.body)
    throw error
  }
  const sync_run = start_sync ? await startCatalogSync(req.scope, req.params.id) : null
  res.json({
    account: await retrieveAccount(req.scope, req.params.id),
    catalog: result.catalog,
    commerce_settings: result.commerce,
    waba_catalog_id: result.waba.waba_catalog_id,
    replaced_catalog_id: result.waba.replaced,
    sync_run,
  })
}
