import { parsePhoneNumberFromString } from "libphonenumber-js"
import type { AdminWhatsAppCheckNumberResponse } from "../../types/http/onboarding"

/**
 * What can be checked of a business number before its owner starts (Meta's
 * phone number requirements: https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/phone-numbers/):
 * written with its country code, a full number valid for that country (its
 * area code included), not a short code. The rest (owned by the business,
 * can receive an SMS or a call, not on the WhatsApp Business app or another
 * provider unless migrated) only its owner can confirm.
 */
export function checkBusinessNumber(input: string): AdminWhatsAppCheckNumberResponse {
  const text = (input ?? "").trim()
  const digits = text.replace(/\D/g, "")
  if (!digits) return refused(["Enter the phone number, with its country code, e.g. +34 612 345 678."])
  if (/[a-z]/i.test(text)) return refused(["A phone number has digits only (spaces, dashes and brackets are fine)."])
  if (digits.length <= 6 && !text.startsWith("+")) {
    return refused(["Short codes (like 12345) cannot be used: WhatsApp needs a full phone number that can receive an SMS or a call."])
  }
  const international = text.startsWith("+") || text.startsWith("00")
  if (!international) return refused(["Write the number with its country code, starting with + (e.g. +34 612 345 678 for Spain)."])
  const parsed = parsePhoneNumberFromString(`+${text.startsWith("00") ? digits.slice(2) : digits}`)
  if (!parsed) return refused(["This country code does not exist. Check the digits after the +."])
  const country = parsed.country ?? null
  const where = country ? ` for ${country}` : ""
  if (parsed.nationalNumber.length <= 6) {
    return refused(["Short codes cannot be used: WhatsApp needs a full phone number that can receive an SMS or a call."], parsed.number, country)
  }
  if (!parsed.isPossible()) return refused([`This number has the wrong length${where}. Check that the area code and every digit are there.`], parsed.number, country)
  if (!parsed.isValid()) return refused([`This is not a valid number${where}: check the area code.`], parsed.number, country)
  return { ok: true, e164: parsed.number, country, problems: [] }
}

function refused(problems: string[], e164: string | null = null, country: string | null = null): AdminWhatsAppCheckNumberResponse {
  return { ok: false, e164, country, problems }
}
