import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { graphErrorText } from "../../../../../../lib/graph-api/health"
import { summarizeTemplate } from "../../../../../../lib/graph-api/templates"
import type { MessageTemplate } from "../../../../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { listAllTemplates } from "./list-templates"

/** The WABA's message templates, read from the Graph API, so an admin can pick the recovery and order-update ones. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts({ id: req.params.id }, { select: ["id", "waba_id"] })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${req.params.id} was not found`)
  const client = await whatsapp.graphClientFor(account.id)
  let templates: MessageTemplate[]
  try {
    templates = await listAllTemplates(client, account.waba_id)
  } catch (error) {
    // Meta's failure, not ours: a gateway error the admin can read.
    res.status(502).json({ type: "graph_api_error", message: `Meta did not return the templates: ${graphErrorText(error)}` })
    return
  }
  const summaries = templates.map(summarizeTemplate).sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
  res.json({ templates: summaries, count: summaries.length })
}
