import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { searchWhatsAppProducts } from "../../../../workflows/selling/search-products"
import type { AdminWhatsAppSearchType } from "./validators"
import type { AdminWhatsAppSearchResponse } from "../../../../types/http"

/**
 * Runs a discovery query as a customer's message would, so merchants can try
 * what their customers type. Shows how the message was understood (terms,
 * sizes, quantity) beside the matches.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminWhatsAppSearchType>, res: MedusaResponse<AdminWhatsAppSearchResponse>) {
  const { q, account_id, limit } = req.validatedQuery as AdminWhatsAppSearchType
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts(account_id ? { id: account_id } : {}, { take: 1, order: { created_at: "ASC" } })
  if (!account) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, account_id ? `WhatsApp account ${account_id} was not found` : "No WhatsApp account exists yet")
  }
  const started = process.hrtime.bigint()
  const result = await searchWhatsAppProducts(req.scope, { sales_channel_id: account.sales_channel_id, text: q, limit })
  const took_ms = Number(process.hrtime.bigint() - started) / 1e6
  res.json({ account_id: account.id, understood: result.query, matches: result.matches, took_ms: Math.round(took_ms * 10) / 10 })
}
