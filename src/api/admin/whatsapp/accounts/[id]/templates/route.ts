import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { summarizeTemplate, type TemplateSummary } from "../../../../../../lib/graph-api/templates"
import { templateRefusal } from "../../../../../../lib/template-usability"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppTemplatesResponse } from "../../../../../../types/http"
import { withMetaErrors } from "../../../meta-errors"
import { listAllTemplates } from "../../../../../../lib/graph-api/list-templates"

/**
 * The WABA's message templates, read from the Graph API, so an admin can
 * pick the recovery and order-update ones; a template Meta has since
 * paused, disabled or rejected by webhook says why and fits no use.
 */
export const GET = withMetaErrors("Meta did not return the templates", async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppTemplatesResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts({ id: req.params.id }, { select: ["id", "waba_id"] })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${req.params.id} was not found`)
  const client = await whatsapp.graphClientFor(account.id)
  const templates = await listAllTemplates(client, account.waba_id)
  const known = new Map((await whatsapp.knownTemplateStatuses(account.id)).map((t) => [`${t.name}|${t.language}`, t]))
  const withKnownStatus = (summary: TemplateSummary): TemplateSummary => {
    const refusal = templateRefusal(known.get(`${summary.name}|${summary.language}`) ?? null)
    return refusal ? { ...summary, fits: { recovery: false, order_update: false }, unusable_reason: refusal } : summary
  }
  const summaries = templates
    .map((t) => withKnownStatus(summarizeTemplate(t)))
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
  res.json({ templates: summaries, count: summaries.length })
})
