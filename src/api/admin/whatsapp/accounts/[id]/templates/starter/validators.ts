import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LANGUAGES } from "../../../../../../../lib/account-settings"

export const AdminSubmitStarterTemplates = z
  .object({
    language: z.enum(SUPPORTED_LANGUAGES).optional(),
    use: z.boolean().optional(),
  })
  .strict()
export type AdminSubmitStarterTemplatesType = z.infer<typeof AdminSubmitStarterTemplates>
