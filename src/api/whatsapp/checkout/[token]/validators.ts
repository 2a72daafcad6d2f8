import { z } from "@medusajs/framework/zod"

/** The checkout form. Messages are keys into the page texts, shown beside each field. */
const text = (max: number) => z.string().trim().max(max, "tooLong")
const required = (max: number) => text(max).min(1, "required")

export const CheckoutDetails = z.object({
  email: z.string().trim().min(1, "required").pipe(z.email("invalidEmail")).pipe(z.string().max(254, "tooLong")),
  first_name: required(100),
  last_name: required(100),
  address_1: required(200),
  address_2: text(200).optional(),
  city: required(100),
  postal_code: required(20),
  province: text(100).optional(),
  country_code: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, "chooseCountry"),
  phone: text(30).optional(),
})
export type CheckoutDetails = z.infer<typeof CheckoutDetails>

export const CheckoutQuantity = z.coerce.number({ message: "badQuantity" }).int("badQuantity").min(0, "badQuantity").max(99, "badQuantity")

export const CheckoutIntent = z.union([z.literal("update"), z.literal("pay"), z.string().regex(/^remove:[A-Za-z0-9_]{1,64}$/)])
