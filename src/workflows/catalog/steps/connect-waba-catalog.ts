import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type ConnectWabaCatalogInput = { account_id: string; catalog_id: string; replace?: boolean }

/** The WABA has another catalog and `replace` was not given: the admin asks first (HTTP 409). */
export class WabaCatalogConflictError extends Error {
  readonly name = "WabaCatalogConflictError"
  constructor(readonly waba_catalog_id: string) {
    super(`This WhatsApp Business Account is connected to catalog ${waba_catalog_id}; a WABA has one catalog, so connecting another replaces it`)
  }
}

type Undo = { accountId: string; wabaId: string; connected: string; previous: string | null }

/**
 * Connects the catalog to the account's WABA at Meta (a WABA has one catalog:
 * `POST /{waba-id}/product_catalogs`). Another catalog already there is
 * disconnected first, only with `replace`; a failed connect puts it back.
 * Undo: disconnect ours, reconnect the previous one.
 */
export const connectWabaCatalogStep = createStep(
  "connect-whatsapp-waba-catalog",
  async (input: ConnectWabaCatalogInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
    const client = await whatsapp.graphClientFor(account.id)
    const previous = (await client.getWabaCatalogs(account.waba_id)).data?.[0]?.id ?? null
    if (previous === input.catalog_id) return new StepResponse({ waba_catalog_id: previous, replaced: null as string | null }, null as Undo | null)
    if (previous && !input.replace) {
      throw new WabaCatalogConflictError(previous)
    }
    if (previous) await client.disconnectWabaCatalog(account.waba_id, previous)
    try {
      await client.connectWabaCatalog(account.waba_id, input.catalog_id)
    } catch (error) {
      // This step's own undo does not run when the step fails: restore the catalog it removed.
      if (previous) await client.connectWabaCatalog(account.waba_id, previous).catch(() => {})
      throw error
    }
    const undo: Undo = { accountId: account.id, wabaId: account.waba_id, connected: input.catalog_id, previous }
    return new StepResponse({ waba_catalog_id: input.catalog_id, replaced: previous }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const client = await whatsapp.graphClientFor(undo.accountId)
    await client.disconnectWabaCatalog(undo.wabaId, undo.connected)
    if (undo.previous) await client.connectWabaCatalog(undo.wabaId, undo.previous)
  }
)
