import { Container, Heading, Text } from "@medusajs/ui"

const REQUIREMENTS = [
  ["International format (E.164)", "The number with its country code, e.g. +34 612 345 678: a plus sign, the country code, then the number, no leading zero."],
  ["Not a short code", "Short codes (4–6 digit numbers used for SMS campaigns) cannot be registered with WhatsApp."],
  ["Can receive a verification code", "Meta sends a code by SMS or by a voice call; a landline works if it can take the call."],
  ["Not on another WhatsApp app", "Delete the number from the WhatsApp or WhatsApp Business app first (Settings → Account → Delete account); a number can live on one platform at a time."],
] as const

/** What a number needs before it can be connected through the Cloud API. */
export const PhoneRequirements = () => (
  <Container className="divide-y p-0" data-testid="phone-requirements">
    <div className="px-6 py-4">
      <Heading level="h2">Phone number requirements</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Check these before adding the number in Meta's WhatsApp Manager.
      </Text>
    </div>
    <ul className="divide-y">
      {REQUIREMENTS.map(([title, text]) => (
        <li key={title} className="px-6 py-3">
          <Text size="small" weight="plus">
            {title}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {text}
          </Text>
        </li>
      ))}
    </ul>
  </Container>
)
