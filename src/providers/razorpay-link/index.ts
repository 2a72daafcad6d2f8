import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { RazorpayLinkProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, { services: [RazorpayLinkProviderService] })
