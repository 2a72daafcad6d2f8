import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createWhatsAppAccountWorkflow } from "../../../../workflows/channel/workflows/create-whatsapp-account"
import { queryAccounts, retrieveAccount } from "./helpers"
import type { AdminCreateWhatsAppAccountType, AdminListWhatsAppAccountsType } from "./validators"
import type { AdminWhatsAppAccountListResponse, AdminWhatsAppAccountResponse } from "../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListWhatsAppAccountsType>, res: MedusaResponse<AdminWhatsAppAccountListResponse>) => {
  const { limit, offset } = req.validatedQuery as AdminListWhatsAppAccountsType
  const { accounts, metadata } = await queryAccounts(req.scope, {}, { skip: offset, take: limit })
  res.json({ accounts, count: metadata?.count ?? accounts.length, offset, limit })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateWhatsAppAccountType>,
  res: MedusaResponse<AdminWhatsAppAccountResponse>
) => {
  const { accounts: existing } = await queryAccounts(req.scope, {
    phone_number_id: req.validatedBody.phone_number_id,
  })
  if (existing.length) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `A WhatsApp account for phone number id ${req.validatedBody.phone_number_id} already exists (${existing[0].id})`
    )
  }
  const { result } = await createWhatsAppAccountWorkflow(req.scope).run({
    input: req.validatedBody as any,
  })
  res.status(201).json({ account: await retrieveAccount(req.scope, result.id) })
}
