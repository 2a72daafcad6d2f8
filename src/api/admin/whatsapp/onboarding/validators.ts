import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LANGUAGES } from "../../../../lib/account-settings"
import { PIN_PATTERN } from "../../../../lib/onboarding/pin"
import { graphId } from "../accounts/validators"

const pin = z.string().regex(PIN_PATTERN, "pin must be 6 digits")

export const AdminEmbeddedSignup = z
  .object({
    code: z.string().trim().min(1, "code is required: the authorization code from FB.login").max(2048),
    waba_id: graphId("waba_id"),
    phone_number_id: graphId("phone_number_id"),
    business_id: graphId("business_id").nullish(),
    pin: pin.optional(),
    name: z.string().trim().min(1).max(100).optional(),
    region_id: z.string().trim().min(1, "region_id is required"),
    sales_channel_id: z.string().trim().min(1, "sales_channel_id is required"),
    language: z.enum(SUPPORTED_LANGUAGES).optional(),
  })
  .strict()
export type AdminEmbeddedSignupType = z.infer<typeof AdminEmbeddedSignup>

export const AdminCheckNumber = z.object({ phone: z.string().max(64) }).strict()
export type AdminCheckNumberType = z.infer<typeof AdminCheckNumber>

export const AdminRequestCode = z
  .object({
    method: z.enum(["SMS", "VOICE"]),
    // Meta's locale for the SMS or call, e.g. en_US, es_ES, pt_BR.
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "language must be a locale like en_US").optional(),
  })
  .strict()
export type AdminRequestCodeType = z.infer<typeof AdminRequestCode>

export const AdminVerifyCode = z.object({ code: z.string().trim().regex(/^\d{4,8}$/, "code must be the digits the number received") }).strict()
export type AdminVerifyCodeType = z.infer<typeof AdminVerifyCode>

export const AdminRegisterNumber = z.object({ pin: pin.optional() }).strict()
export type AdminRegisterNumberType = z.infer<typeof AdminRegisterNumber>
