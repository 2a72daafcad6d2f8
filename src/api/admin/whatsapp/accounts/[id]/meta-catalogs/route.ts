import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogErrorResponse } from "../../../../../../lib/graph-api/catalog-errors"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type {
  AdminWhatsAppAccount,
  AdminWhatsAppCreateMetaCatalogResponse,
  AdminWhatsAppMetaCatalogsResponse,
  AdminWhatsAppOnboardingError,
} from "../../../../../../types/http"
import { retrieveAccount } from "../../helpers"
import { accountBusinessId, describeCatalogChoices } from "../../meta-business"
import type { AdminCreateMetaCatalogType } from "./validators"

const NO_BUSINESS: AdminWhatsAppOnboardingError = {
  type: "business_unknown",
  message: "Meta did not say which business portfolio owns this WhatsApp account, so its catalogs cannot be listed.",
  step: "catalog",
  next_step: "Check in WhatsApp Manager that the account belongs to your business portfolio, or connect the account again with Facebook.",
  meta_error: null,
}

/** Runs `work`, answering Meta's refusals explained (step "catalog"). */
async function explained(res: MedusaResponse<any>, failed: string, work: () => Promise<void>) {
  try {
    await work()
  } catch (error) {
    const answer = catalogErrorResponse(error, failed)
    if (!answer) throw error
    res.status(answer.status).json(answer.body)
  }
}

async function clientFor(req: AuthenticatedMedusaRequest<any>): Promise<[AdminWhatsAppAccount, Awaited<ReturnType<WhatsAppModuleService["graphClientFor"]>>]> {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  return [account, await whatsapp.graphClientFor(account.id)]
}

/** The business's catalogs, which one the WABA is connected to, and who else in the store uses each. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppMetaCatalogsResponse | AdminWhatsAppOnboardingError>) => {
  const [account, client] = await clientFor(req)
  await explained(res, "The business's catalogs could not be listed", async () => {
    const businessId = await accountBusinessId(req.scope, account, client)
    if (!businessId) return void res.status(400).json(NO_BUSINESS)
    const [owned, waba] = await Promise.all([client.listBusinessCatalogs(businessId), client.getWabaCatalogs(account.waba_id)])
    const connected = waba.data?.[0] ?? null
    const catalogs = owned.data ?? []
    // A catalog shared with the business by another one can be connected without being owned.
    if (connected && !catalogs.some((c) => c.id === connected.id)) catalogs.push(connected)
    res.json({
      business_id: businessId,
      catalogs: await describeCatalogChoices(req.scope, account, catalogs, connected?.id ?? null),
      waba_catalog_id: connected?.id ?? null,
    })
  })
}

/** Creates a commerce catalog in the business (connect it with POST …/catalog). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateMetaCatalogType>,
  res: MedusaResponse<AdminWhatsAppCreateMetaCatalogResponse | AdminWhatsAppOnboardingError>
) => {
  const [account, client] = await clientFor(req)
  const { name, vertical = "commerce" } = req.validatedBody
  await explained(res, `The catalog "${name}" could not be created`, async () => {
    const businessId = await accountBusinessId(req.scope, account, client)
    if (!businessId) return void res.status(400).json(NO_BUSINESS)
    const { id } = await client.createBusinessCatalog(businessId, name, vertical)
    res.status(201).json({ catalog: { id, name, vertical, product_count: 0, connected: false, used_by: [] } })
  })
}
