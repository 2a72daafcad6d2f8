import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GraphApiError } from "../../../../../../lib/graph-api/errors"
import { summarizeTemplate } from "../../../../../../lib/graph-api/templates"
import type { MessageTemplate } from "../../../../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"

/** More pages than any real WABA has; a runaway cursor cannot loop forever. */
const MAX_PAGES = 20

/** The WABA's message templates, read from the Graph API, so an admin can pick the recovery and order-update ones. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts({ id: req.params.id }, { select: ["id", "waba_id"] })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${req.params.id} was not found`)
  const client = await whatsapp.graphClientFor(account.id)
  const templates: MessageTemplate[] = []
  try {
    let after: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data, paging } = await client.listTemplates(account.waba_id, after)
      templates.push(...(data ?? []))
      after = paging?.next ? paging.cursors?.after : undefined
      if (!after) break
    }
  } catch (error) {
    // Meta's failure, not ours: a gateway error the admin can read.
    const text = error instanceof GraphApiError ? `${error.message} (code ${error.code})` : String(error)
    res.status(502).json({ type: "graph_api_error", message: `Meta did not return the templates: ${text}` })
    return
  }
  const summaries = templates.map(summarizeTemplate).sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
  res.json({ templates: summaries, count: summaries.length })
}
