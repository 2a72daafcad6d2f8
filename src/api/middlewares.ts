import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminCommerceSettings, AdminCreateWhatsAppAccount, AdminListWhatsAppAccounts, AdminUpdateWhatsAppAccount } from "./admin/whatsapp/accounts/validators"
import { AdminListConversations, AdminListMessages, AdminSendText, AdminUpdateConversation } from "./admin/whatsapp/conversations/validators"
import { AdminCreateConversationNote } from "./admin/whatsapp/conversations/[id]/notes/validators"
import { AdminCreateCannedReply, AdminRenderCannedReply, AdminUpdateCannedReply } from "./admin/whatsapp/canned-replies/validators"
import { verifyPaymentWebhook } from "./utils/verify-payment-webhook"
import { AdminMarkCartPaid } from "./admin/whatsapp/carts/validators"
import { AdminListWebhookEvents } from "./admin/whatsapp/webhook-events/validators"
import {
  AdminConnectCatalog,
  AdminListCatalogItems,
  AdminMapCatalogItem,
  AdminStartCatalogSync,
} from "./admin/whatsapp/catalog/validators"
import { AdminProductSettings } from "./admin/whatsapp/products/[id]/settings/validators"
import { AdminCreateMetaCatalog } from "./admin/whatsapp/accounts/[id]/meta-catalogs/validators"
import { AdminSubmitStarterTemplates } from "./admin/whatsapp/accounts/[id]/templates/starter/validators"
import { AdminWhatsAppSearch } from "./admin/whatsapp/search/validators"
import { AdminCreateSearchSynonym, AdminUpdateSearchSynonym } from "./admin/whatsapp/search/synonyms/validators"
import { AdminWhatsAppStats } from "./admin/whatsapp/stats/validators"
import { AdminCreateAutoReplyRule, AdminUpdateAutoReplyRule } from "./admin/whatsapp/auto-replies/validators"
import {
  AdminCreateAutomation,
  AdminListAutomationRuns,
  AdminListAutomations,
  AdminTestAutomation,
  AdminUpdateAutomation,
} from "./admin/whatsapp/automations/validators"
import { AdminSaveFaqAnswers } from "./admin/whatsapp/accounts/[id]/faq/validators"
import { AdminTryConcierge } from "./admin/whatsapp/accounts/[id]/concierge/try/validators"
import { AdminSendProducts } from "./admin/whatsapp/conversations/[id]/products/validators"
import { AdminListWhatsAppCarts } from "./admin/whatsapp/carts/validators"
import { rawBody } from "./utils/raw-body"
import { checkoutRequestGuard } from "./utils/checkout-request-guard"
import { StoreConfirmPhoneLink, StoreRequestPhoneLink } from "./store/whatsapp/link-phone/validators"
import { AdminLinkConversationCustomer } from "./admin/whatsapp/conversations/[id]/customer/validators"
import { ADMIN_MEDIA_BODY_LIMIT, AdminSendMedia } from "./admin/whatsapp/conversations/[id]/media/validators"
import { AdminCheckNumber, AdminEmbeddedSignup, AdminRegisterNumber, AdminRequestCode, AdminVerifyCode } from "./admin/whatsapp/onboarding/validators"

/** Store routes that act for a logged-in customer (Medusa's storefront auth: session cookie or bearer token). */
const loggedInCustomer = authenticate("customer", ["session", "bearer"])
import { noSniff, refuseBlockedUnsigned } from "./utils/webhook-guard"

/** Meta sends up to 1000 changes in one POST, at most 3 MB. */
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024
/** A checkout form is a few fields and one quantity per line. */
const CHECKOUT_FORM_LIMIT = 32 * 1024

export default defineMiddlewares({
  routes: [
    {
      // Every method and path under it: keeps checkout tokens out of the access log, marks answers nosniff.
      matcher: "/whatsapp/checkout",
      middlewares: [checkoutRequestGuard],
    },
    {
      matcher: "/whatsapp/checkout/s/:id",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [rawBody(CHECKOUT_FORM_LIMIT)],
    },
    {
      matcher: "/whatsapp/checkout/delivery/s/:id",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [rawBody(CHECKOUT_FORM_LIMIT)],
    },
    {
      // The link itself takes no form any more (a post from an old page opens it again), but its body is still read raw and bounded.
      matcher: "/whatsapp/checkout/:token",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [rawBody(CHECKOUT_FORM_LIMIT)],
    },
    {
      matcher: "/hooks/payment/:provider",
      methods: ["POST"],
      middlewares: [verifyPaymentWebhook],
    },
    {
      matcher: "/store/whatsapp/link-phone",
      methods: ["POST"],
      middlewares: [loggedInCustomer, validateAndTransformBody(StoreRequestPhoneLink)],
    },
    {
      matcher: "/store/whatsapp/link-phone/confirm",
      methods: ["POST"],
      middlewares: [loggedInCustomer, validateAndTransformBody(StoreConfirmPhoneLink)],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/customer",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminLinkConversationCustomer)],
    },
    {
      matcher: "/admin/whatsapp/carts/:id/mark-paid",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMarkCartPaid)],
    },
    {
      matcher: "/whatsapp/webhook",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [noSniff, refuseBlockedUnsigned, rawBody(WEBHOOK_BODY_LIMIT)],
    },
    {
      matcher: "/whatsapp/webhook",
      methods: ["GET"],
      middlewares: [noSniff],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/auto-replies",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateAutoReplyRule)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/faq",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveFaqAnswers)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/concierge/try",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminTryConcierge)],
    },
    { matcher: "/admin/whatsapp/automations", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListAutomations, {})] },
    { matcher: "/admin/whatsapp/automations", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateAutomation)] },
    { matcher: "/admin/whatsapp/automations/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateAutomation)] },
    { matcher: "/admin/whatsapp/automations/:id/test", methods: ["POST"], middlewares: [validateAndTransformBody(AdminTestAutomation)] },
    { matcher: "/admin/whatsapp/automations/:id/runs", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListAutomationRuns, {})] },
    {
      matcher: "/admin/whatsapp/auto-replies/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateAutoReplyRule)],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/media",
      methods: ["POST"],
      bodyParser: { sizeLimit: ADMIN_MEDIA_BODY_LIMIT },
      middlewares: [validateAndTransformBody(AdminSendMedia)],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/products",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSendProducts)],
    },
    {
      matcher: "/admin/whatsapp/carts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListWhatsAppCarts, {})],
    },
    {
      matcher: "/admin/whatsapp/onboarding/embedded-signup",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminEmbeddedSignup)],
    },
    {
      matcher: "/admin/whatsapp/onboarding/check-number",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCheckNumber)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/phone/request-code",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRequestCode)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/phone/verify-code",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminVerifyCode)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/phone/register",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRegisterNumber)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/commerce-settings",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCommerceSettings)],
    },
    {
      matcher: "/admin/whatsapp/stats",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminWhatsAppStats, {})],
    },
    {
      matcher: "/admin/whatsapp/search",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminWhatsAppSearch, {})],
    },
    {
      matcher: "/admin/whatsapp/search/synonyms",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateSearchSynonym)],
    },
    {
      matcher: "/admin/whatsapp/search/synonyms/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateSearchSynonym)],
    },
    {
      matcher: "/admin/whatsapp/accounts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListWhatsAppAccounts, {})],
    },
    {
      matcher: "/admin/whatsapp/accounts",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateWhatsAppAccount)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateWhatsAppAccount)],
    },
    {
      matcher: "/admin/whatsapp/conversations",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListConversations, {})],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateConversation)],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/notes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateConversationNote)],
    },
    {
      matcher: "/admin/whatsapp/canned-replies",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateCannedReply)],
    },
    {
      matcher: "/admin/whatsapp/canned-replies/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateCannedReply)],
    },
    {
      matcher: "/admin/whatsapp/canned-replies/:id/render",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRenderCannedReply)],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/messages",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListMessages, {})],
    },
    {
      matcher: "/admin/whatsapp/conversations/:id/messages",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSendText)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/catalog",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminConnectCatalog)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/meta-catalogs",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateMetaCatalog)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id/templates/starter",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSubmitStarterTemplates)],
    },
    {
      matcher: "/admin/whatsapp/catalog/sync",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminStartCatalogSync)],
    },
    {
      matcher: "/admin/whatsapp/catalog/items",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListCatalogItems, {})],
    },
    {
      matcher: "/admin/whatsapp/catalog/items/:variant_id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMapCatalogItem)],
    },
    {
      matcher: "/admin/whatsapp/catalog/import",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminStartCatalogSync)],
    },
    {
      matcher: "/admin/whatsapp/products/:id/settings",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminProductSettings)],
    },
    {
      matcher: "/admin/whatsapp/webhook-events",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListWebhookEvents, {})],
    },
  ],
})
