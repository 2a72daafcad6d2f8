import type { PhoneNumberInfo } from "../graph-api/types"
import type { OnboardedPhoneNumber } from "../../types/http/onboarding"

/** Meta's phone number node as the admin shows it (fields Meta leaves out are null). */
export function toOnboardedPhoneNumber(info: Partial<PhoneNumberInfo>): OnboardedPhoneNumber {
  return {
    display_phone_number: info.display_phone_number ?? null,
    verified_name: info.verified_name ?? null,
    status: info.status ?? null,
    code_verification_status: info.code_verification_status ?? null,
    quality_rating: info.quality_rating ?? null,
    messaging_limit_tier: info.messaging_limit_tier ?? null,
    name_status: info.name_status ?? null,
  }
}
