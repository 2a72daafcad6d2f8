import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { syncRunFields } from "../../query-config"
import type { AdminWhatsAppCatalogSyncRunResponse } from "../../../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppCatalogSyncRunResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [run],
  } = await query.graph({ entity: "whatsapp_catalog_sync_run", fields: syncRunFields, filters: { id: req.params.id } })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Catalog sync run ${req.params.id} was not found`)
  res.json({ run })
}
