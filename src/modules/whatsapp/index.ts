import { Module } from "@medusajs/framework/utils"
import checkRedisLoader from "./loaders/check-redis"
import validateOptionsLoader from "./loaders/validate-options"
import WhatsAppModuleService from "./service"

export const WHATSAPP_MODULE = "whatsapp"

export default Module(WHATSAPP_MODULE, {
  service: WhatsAppModuleService,
  loaders: [validateOptionsLoader, checkRedisLoader],
})
