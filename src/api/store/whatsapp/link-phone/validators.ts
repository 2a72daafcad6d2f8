import { z } from "@medusajs/framework/zod"

/** The number to prove; the customer's own phone when left out. */
export const StoreRequestPhoneLink = z.object({ phone: z.string().trim().min(4).max(32).optional() }).strict()
export type StoreRequestPhoneLinkType = z.infer<typeof StoreRequestPhoneLink>

/** The token from the link sent in the chat (43 base64url characters). */
export const StoreConfirmPhoneLink = z.object({ token: z.string().trim().min(20).max(128) }).strict()
export type StoreConfirmPhoneLinkType = z.infer<typeof StoreConfirmPhoneLink>
