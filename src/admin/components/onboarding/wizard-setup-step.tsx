import { Button, Heading, Input, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { pinProblem } from "../../../lib/embedded-signup-session"
import { RegionSelect, SalesChannelSelect } from "../settings/store-selects"

export type SignupSetup = { name: string; region_id: string; sales_channel_id: string; pin: string }

type Props = {
  value: SignupSetup
  onChange: (value: SignupSetup) => void
  onBack: () => void
  onNext: () => void
}

const Field = ({ id, label, hint, children }: { id: string; label: string; hint: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id}>{label}</Label>
    {children}
    <Text size="xsmall" className="text-ui-fg-subtle">
      {hint}
    </Text>
  </div>
)

/** Where the number will sell (region, sales channel) and its two-step PIN, chosen before Meta's window opens. */
export const WizardSetupStep = ({ value, onChange, onBack, onNext }: Props) => {
  const set = <K extends keyof SignupSetup>(key: K, v: SignupSetup[K]) => onChange({ ...value, [key]: v })
  const pinError = pinProblem(value.pin)
  const ready = !!value.region_id && !!value.sales_channel_id && !pinError

  return (
    <div className="flex flex-col gap-y-6" data-testid="onboarding-step-setup">
      <div>
        <Heading level="h2">Where the number sells</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          WhatsApp carts use this region's prices, currency and payment providers, and this sales channel's products and stock.
        </Text>
      </div>
      <Field id="onboarding-region" label="Region" hint="Prices, currency and payment providers of WhatsApp carts.">
        <RegionSelect id="onboarding-region" value={value.region_id} onChange={(v) => set("region_id", v)} testId="onboarding-region" />
      </Field>
      <Field id="onboarding-sales-channel" label="Sales channel" hint="Which products and stock WhatsApp sells.">
        <SalesChannelSelect id="onboarding-sales-channel" value={value.sales_channel_id} onChange={(v) => set("sales_channel_id", v)} testId="onboarding-sales-channel" />
      </Field>
      <Field id="onboarding-name" label="Name (optional)" hint="How the admin names this number; Meta's display name when empty.">
        <Input id="onboarding-name" value={value.name} onChange={(e) => set("name", e.target.value)} data-testid="onboarding-name" />
      </Field>
      <Field
        id="onboarding-pin"
        label="Two-step verification PIN (optional)"
        hint="6 digits that protect the number's registration. Leave empty and one is generated and shown once at the end."
      >
        <Input
          id="onboarding-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={value.pin}
          onChange={(e) => set("pin", e.target.value.trim())}
          aria-invalid={!!pinError}
          data-testid="onboarding-pin"
        />
        {pinError && (
          <Text size="xsmall" className="text-ui-fg-error" data-testid="onboarding-pin-error">
            {pinError}
          </Text>
        )}
      </Field>
      <div className="flex justify-between">
        <Button variant="secondary" onClick={onBack} data-testid="onboarding-setup-back">
          Back
        </Button>
        <Button onClick={onNext} disabled={!ready} data-testid="onboarding-setup-next">
          Next
        </Button>
      </div>
    </div>
  )
}
