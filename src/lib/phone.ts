import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js"
import type { CountryCode, PhoneNumber } from "libphonenumber-js"

function parse(text: string, country?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country)
  } catch {
    return undefined
  }
}

/**
 * A WhatsApp `wa_id` ("34612345678": country code, no "+") as E.164, or null.
 * Digits are read as international first because that is what Meta sends;
 * `defaultCountry` only helps with national numbers typed by a person.
 * A merely possible number is accepted when no reading is valid: Meta's own
 * test numbers (+1 555…) and ranges newer than the bundled metadata are real
 * WhatsApp users we must not drop.
 */
export function toE164(waId: string, defaultCountry?: string): string | null {
  const raw = (waId ?? "").trim()
  if (!raw || /[a-z]/i.test(raw)) {
    return null
  }
  const digits = raw.replace(/\D/g, "")
  if (digits.length < 4 || digits.length > 15) {
    return null
  }
  const explicit = raw.startsWith("+") || raw.startsWith("00")
  const country =
    defaultCountry && isSupportedCountry(defaultCountry.toUpperCase())
      ? (defaultCountry.toUpperCase() as CountryCode)
      : undefined

  const international = raw.startsWith("00") ? digits.slice(2) : digits
  const candidates: (PhoneNumber | undefined)[] = [parse(`+${international}`)]
  if (!explicit && country) {
    candidates.push(parse(digits, country))
  }
  const found = candidates.find((p) => p?.isValid()) ?? candidates.find((p) => p?.isPossible())
  return found ? found.number : null
}

/** "+34•••••••78": enough to tell customers apart in logs without exposing the number. */
export function maskPhone(e164OrWaId: string): string {
  const digits = (e164OrWaId ?? "").replace(/\D/g, "")
  if (digits.length <= 4) {
    return "•".repeat(digits.length)
  }
  const parsed = parse(`+${digits}`)
  const cc = parsed && digits.startsWith(parsed.countryCallingCode) ? parsed.countryCallingCode : ""
  const hidden = digits.length - cc.length - 2
  return `+${cc}${"•".repeat(hidden)}${digits.slice(-2)}`
}

/**
 * A US number, for Meta's block on marketing templates to the US. A +1 number
 * whose region the metadata cannot tell (test ranges like +1 555) is treated
 * as US: sending a blocked template costs a failure, skipping costs nothing.
 */
export function isUsNumber(waId: string): boolean {
  const digits = (waId ?? "").replace(/\D/g, "")
  if (!digits.startsWith("1")) {
    return false
  }
  const country = parse(`+${digits}`)?.country
  return !country || country === "US"
}

/**
 * The country a cart from this WhatsApp number most likely ships to, among the
 * region's countries (ISO 3166-1 alpha-2, lower case as Medusa keeps them):
 * the number's own country when the region serves it, the region's only
 * country otherwise, else none (the customer chooses on the checkout page).
 * Medusa filters delivery options by the cart's address, so a cart without a
 * country would be offered every option of every zone.
 */
export function deliveryCountry(waId: string | null, regionCountries: string[], countryHint?: string | null): string | null {
  const countries = regionCountries.map((c) => c.toLowerCase())
  const digits = (waId ?? "").replace(/\D/g, "")
  // Without a phone, the country a BSUID was issued for (`ES.…`) is the next best guess.
  const own = (digits ? parse(`+${digits}`)?.country : countryHint)?.toLowerCase()
  if (own && countries.includes(own)) return own
  return countries.length === 1 ? countries[0] : null
}
