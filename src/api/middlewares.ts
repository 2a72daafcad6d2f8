import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import {
  AdminCreateWhatsappAccount,
  AdminUpdateWhatsappAccount,
} from "./admin/whatsapp/accounts/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/whatsapp/accounts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(createFindParams({ limit: 50, offset: 0 }), { isList: true })],
    },
    {
      matcher: "/admin/whatsapp/accounts",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateWhatsappAccount)],
    },
    {
      matcher: "/admin/whatsapp/accounts/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateWhatsappAccount)],
    },
  ],
})
