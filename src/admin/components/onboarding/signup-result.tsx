import { Alert, Copy, StatusBadge, Text } from "@medusajs/ui"
import type { AdminWhatsAppEmbeddedSignupResponse, OnboardingStep } from "../../../types/http"

const STEP_LABELS: Record<OnboardingStep["key"], string> = {
  exchange_code: "Meta login exchanged for the business token",
  check_permissions: "Permissions granted",
  subscribe_webhooks: "Webhooks subscribed",
  register_number: "Number registered for the Cloud API",
  read_number: "Number read from Meta",
  create_account: "Account created",
}

/** What the set-up did, step by step, and the generated PIN (shown this once). */
export const SignupResult = ({ result }: { result: AdminWhatsAppEmbeddedSignupResponse }) => {
  const phone = result.phone_number
  const facts = [
    ["Number", phone.display_phone_number],
    ["Display name", phone.verified_name],
    ["Display name review", phone.name_status],
    ["Status", phone.status],
    ["Quality", phone.quality_rating],
    ["Messaging limit", phone.messaging_limit_tier],
  ].filter((fact): fact is [string, string] => !!fact[1])
  return (
    <div className="flex flex-col gap-y-4" data-testid="onboarding-signup-result" data-account-id={result.account.id}>
      <ul className="flex flex-col gap-y-2" data-testid="onboarding-steps">
        {result.steps.map((step) => (
          <li key={step.key} className="flex flex-col gap-y-0.5" data-testid="onboarding-step-result" data-key={step.key} data-ok={step.ok}>
            <StatusBadge color={step.ok ? "green" : "red"}>{STEP_LABELS[step.key] ?? step.key}</StatusBadge>
            <Text size="small" className="text-ui-fg-subtle">
              {step.detail}
            </Text>
          </li>
        ))}
      </ul>
      {facts.length > 0 && (
        <dl className="grid grid-cols-2 gap-y-1" data-testid="onboarding-phone-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <Text size="small" weight="plus" asChild>
                <dt>{label}</dt>
              </Text>
              <Text size="small" asChild>
                <dd>{value}</dd>
              </Text>
            </div>
          ))}
        </dl>
      )}
      {result.generated_pin && <GeneratedPin pin={result.generated_pin} />}
    </div>
  )
}

export const GeneratedPin = ({ pin }: { pin: string }) => (
  <Alert variant="warning" data-testid="onboarding-generated-pin-panel">
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">
        Keep this two-step verification PIN
      </Text>
      <div className="flex items-center gap-x-2">
        <code className="txt-compact-medium-plus rounded bg-ui-bg-subtle px-2 py-1 tracking-widest" data-testid="onboarding-generated-pin">
          {pin}
        </code>
        <Copy content={pin} data-testid="onboarding-generated-pin-copy" />
      </div>
      <Text size="small">
        It is shown only now and is not stored readable anywhere. Meta asks for it to register this number again or to move it to another
        provider; store it in your password manager.
      </Text>
    </div>
  </Alert>
)
