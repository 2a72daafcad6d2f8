import type { GraphApiClient } from "../../../../../../lib/graph-api/client"
import { toOnboardedPhoneNumber } from "../../../../../../lib/onboarding/phone-number"

/** The number after a step, as Meta now describes it. */
export async function readNumber(client: GraphApiClient, phoneNumberId: string) {
  return toOnboardedPhoneNumber(await client.getPhoneNumber(phoneNumberId))
}
