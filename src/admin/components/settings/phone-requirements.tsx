import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

// Meta's phone number requirements for the Cloud API, in the order a merchant checks them.
const REQUIREMENTS = [
  ["country", "Country and area code (E.164)", "The full number with its country code, e.g. +34 612 345 678: a plus sign, the country code, the area code and the number, no leading zero."],
  ["owned", "Owned by the business", "A number the business owns or controls, not a personal number someone may take away."],
  ["reachable", "Can receive a call or an SMS", "Meta sends a verification code by SMS or by a voice call; a landline works if it can take the call."],
  ["short-code", "Not a short code", "Short codes (4–6 digit numbers used for SMS campaigns) cannot be registered with WhatsApp."],
  ["not-elsewhere", "Not on another WhatsApp app or provider", "A number lives on one platform at a time. Delete it from the WhatsApp or WhatsApp Business app first (Settings → Account → Delete account), or migrate it from the other provider."],
  ["dedicated", "A number dedicated to sales (recommended)", "Customers write to it and see its display name; a number used only for the shop keeps orders apart from personal chats."],
] as const

type Props = {
  /** Replaces the default subtitle (the page where the merchant is reads it). */
  description?: string
  /** E.g. the number check, under the list. */
  children?: ReactNode
}

/** What a number needs before it can be connected through the Cloud API. */
export const PhoneRequirements = ({ description, children }: Props) => (
  <Container className="divide-y p-0" data-testid="phone-requirements">
    <div className="px-6 py-4">
      <Heading level="h2">Phone number requirements</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description ?? "Check these before adding the number in Meta's WhatsApp Manager."}
      </Text>
    </div>
    <ul className="divide-y">
      {REQUIREMENTS.map(([key, title, text]) => (
        <li key={key} className="px-6 py-3" data-testid="phone-requirement" data-key={key}>
          <Text size="small" weight="plus">
            {title}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {text}
          </Text>
        </li>
      ))}
    </ul>
    {children}
  </Container>
)
