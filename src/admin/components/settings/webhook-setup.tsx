import { Container, Copy, Heading, Text } from "@medusajs/ui"
import { useWebhookSetup } from "../../hooks/accounts"

/** What to paste into the Meta app dashboard (WhatsApp → Configuration → Webhook). */
export const WebhookSetup = () => {
  const { data } = useWebhookSetup()
  if (!data) return null
  const row = (label: string, value: string, testId: string) => (
    <div className="flex items-center justify-between gap-x-4 px-6 py-3">
      <Text size="small" weight="plus" className="w-40 shrink-0">
        {label}
      </Text>
      <code data-testid={testId} className="txt-compact-small flex-1 truncate rounded bg-ui-bg-subtle px-2 py-1">
        {value}
      </code>
      <Copy content={value} />
    </div>
  )
  return (
    <Container className="divide-y p-0" data-testid="webhook-setup">
      <div className="px-6 py-4">
        <Heading level="h2">Webhook</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          In your Meta app, open WhatsApp → Configuration, paste the callback URL and the verify token, then subscribe to the{" "}
          <code>{data.webhook_fields.join(", ")}</code> field.
        </Text>
      </div>
      {row("Callback URL", data.webhook_url, "webhook-url")}
      {row("Verify token", data.verify_token, "verify-token")}
      {!data.app_secret_configured && (
        <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
          No plugin-wide app secret: each account needs its own app secret, or webhooks cannot be verified.
        </Text>
      )}
    </Container>
  )
}
