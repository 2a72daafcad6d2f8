import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendWhatsAppProductsWorkflow } from "../../../../../../workflows/selling/workflows/send-whatsapp-products"
import type { AdminSendProductsType } from "./validators"
import type { AdminWhatsAppSendProductsResponse } from "../../../../../../types/http"

/** Sends products, a collection, a category or the catalog into the conversation. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSendProductsType>, res: MedusaResponse<AdminWhatsAppSendProductsResponse>) {
  const { result } = await sendWhatsAppProductsWorkflow(req.scope).run({
    input: { ...req.validatedBody, conversation_id: req.params.id },
  })
  res.status(202).json(result)
}
