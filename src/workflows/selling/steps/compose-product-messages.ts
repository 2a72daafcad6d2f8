import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SupportedLanguage } from "../../../lib/account-settings"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { buildProductMessages, catalogMessage } from "../../../lib/products/product-messages"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { syncedCatalogItems, UnsyncedItem, variantIdsOf } from "../synced-items"

export type SendWhatsAppProductsInput = {
  conversation_id: string
  variant_ids?: string[]
  product_ids?: string[]
  collection_id?: string
  category_id?: string
  /** Send the whole catalog as one "View catalog" message. */
  catalog?: boolean
  header?: string
  body?: string
  footer?: string
  idempotency_key?: string
}

export type ComposedProductMessages = {
  conversation_id: string
  messages: OutboundMessage[]
  sent_variant_ids: string[]
  unsynced: UnsyncedItem[]
}

/**
 * Resolves what the merchant picked (variants, products, a collection, a
 * category, or the catalog) to synced catalog items and builds the messages:
 * one `product`, `product_list`s split at Meta's limits with a section per
 * product, or a `catalog_message`. Unsynced items are reported, not sent.
 */
export const composeProductMessagesStep = createStep(
  "compose-whatsapp-product-messages",
  async (input: SendWhatsAppProductsInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const conversation = await whatsapp.retrieveWhatsappConversation(input.conversation_id, { relations: ["account"] })
    const account = (conversation as any).account
    // The customer's language when their messages told it, else the account's.
    const language = ((conversation as any).language ?? account.language) as SupportedLanguage
    if (!account.catalog_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Connect a catalog to this WhatsApp account before sending products")
    }
    const variantIds = [...(input.variant_ids ?? []), ...(await variantIdsOf(container, input))]
    if (input.catalog) {
      // The thumbnail: the first chosen synced item, else the catalog's first synced item.
      const chosen = variantIds.length ? await syncedCatalogItems(container, account.catalog_id, variantIds) : null
      const thumbnail =
        chosen?.items[0]?.retailer_id ??
        (await whatsapp.firstSyncedRetailerId(account.catalog_id)) ??
        undefined
      const result: ComposedProductMessages = {
        conversation_id: conversation.id,
        messages: [catalogMessage({ language, body: input.body, footer: input.footer, thumbnailRetailerId: thumbnail })],
        sent_variant_ids: [],
        unsynced: chosen?.unsynced ?? [],
      }
      return new StepResponse(result)
    }
    if (!variantIds.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Choose variants, products, a collection, a category, or the catalog to send")
    }
    const { items, unsynced } = await syncedCatalogItems(container, account.catalog_id, variantIds)
    if (!items.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `None of the ${unsynced.length} chosen variant(s) is synced to the WhatsApp catalog yet; sync the catalog first`
      )
    }
    const result: ComposedProductMessages = {
      conversation_id: conversation.id,
      messages: buildProductMessages({
        catalogId: account.catalog_id,
        language,
        items,
        header: input.header,
        body: input.body,
        footer: input.footer,
      }),
      sent_variant_ids: items.map((i) => i.variant_id),
      unsynced,
    }
    return new StepResponse(result)
  }
)
