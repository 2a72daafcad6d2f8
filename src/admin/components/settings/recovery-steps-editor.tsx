import { Button, Input, Select, Text, Textarea } from "@medusajs/ui"
import type { RecoveryStep } from "../../../lib/account-settings"
import type { TemplateSummary } from "../../../types/http"
import { TemplateSelect } from "./template-select"

const MAX_STEPS = 3
const NO_DISCOUNT = "none"
const HINT = "Variables: {{customer_name}}, {{cart_total}}, {{discount_code}}, {{discount_expires_at}}, {{store_name}}. Empty: the built-in message with the cart's lines."

type Props = {
  steps: RecoveryStep[]
  onChange: (steps: RecoveryStep[]) => void
  templates: TemplateSummary[] | undefined
}

/** Up to three reminders per unpaid cart: when (after the link was sent), what they say, and an optional discount. */
export const RecoveryStepsEditor = ({ steps, onChange, templates }: Props) => {
  const update = (index: number, patch: Partial<RecoveryStep>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)))
  const add = () => {
    const last = steps[steps.length - 1]
    onChange([...steps, { delay_minutes: (last?.delay_minutes ?? 0) * 3 || 60, text: null, template: last?.template ?? null, discount: null }])
  }
  return (
    <div className="flex flex-col gap-y-4">
      {steps.map((step, i) => (
        <div key={i} className="flex flex-col gap-y-2 rounded-lg border p-3" data-testid={`recovery-step-${i + 1}`}>
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              Reminder {i + 1}
            </Text>
            {steps.length > 1 && (
              <Button size="small" variant="transparent" onClick={() => onChange(steps.filter((_, j) => j !== i))} data-testid={`recovery-step-${i + 1}-remove`}>
                Remove
              </Button>
            )}
          </div>
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle">Minutes after the checkout link was sent (5 to 10,080; each later than the one before)</Text>
            <Input
              type="number"
              min={5}
              max={10080}
              value={step.delay_minutes}
              onChange={(e) => update(i, { delay_minutes: Number(e.target.value) })}
              data-testid={i === 0 ? "setting-recovery-delay" : `recovery-step-${i + 1}-delay`}
            />
          </label>
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle">{HINT}</Text>
            <Textarea value={step.text ?? ""} onChange={(e) => update(i, { text: e.target.value || null })} data-testid={`recovery-step-${i + 1}-text`} />
          </label>
          <Text size="xsmall" className="text-ui-fg-subtle">Template outside the 24-hour window (marketing templates are not delivered to US numbers)</Text>
          <TemplateSelect
            templates={templates}
            use="recovery"
            value={step.template}
            onChange={(t) => update(i, { template: t })}
            testId={i === 0 ? "setting-recovery-template" : `recovery-step-${i + 1}-template`}
          />
          <div className="grid grid-cols-3 gap-x-2">
            <Select
              value={step.discount?.kind ?? NO_DISCOUNT}
              onValueChange={(kind) =>
                update(i, {
                  discount: kind === NO_DISCOUNT ? null : { kind: kind as "percentage" | "fixed", value: step.discount?.value ?? 10, expires_in_hours: step.discount?.expires_in_hours ?? 48 },
                })
              }
            >
              <Select.Trigger data-testid={`recovery-step-${i + 1}-discount-kind`}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NO_DISCOUNT}>No discount</Select.Item>
                <Select.Item value="percentage">Percent off</Select.Item>
                <Select.Item value="fixed">Amount off</Select.Item>
              </Select.Content>
            </Select>
            {step.discount && (
              <>
                <Input
                  type="number"
                  min={0}
                  aria-label="Discount value"
                  placeholder={step.discount.kind === "percentage" ? "%" : "Amount"}
                  value={step.discount.value}
                  onChange={(e) => update(i, { discount: { ...step.discount!, value: Number(e.target.value) } })}
                  data-testid={`recovery-step-${i + 1}-discount-value`}
                />
                <Input
                  type="number"
                  min={1}
                  aria-label="Code valid for (hours)"
                  placeholder="Hours"
                  value={step.discount.expires_in_hours}
                  onChange={(e) => update(i, { discount: { ...step.discount!, expires_in_hours: Number(e.target.value) } })}
                  data-testid={`recovery-step-${i + 1}-discount-hours`}
                />
              </>
            )}
          </div>
          {step.discount && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {step.discount.kind === "percentage" ? `${step.discount.value} % off` : `${step.discount.value} off (cart currency)`}: a Medusa promotion code for this
              cart, valid {step.discount.expires_in_hours} h, applied to the cart when the reminder is sent.
            </Text>
          )}
        </div>
      ))}
      {steps.length < MAX_STEPS && (
        <Button size="small" variant="secondary" onClick={add} data-testid="recovery-step-add">
          Add a reminder
        </Button>
      )}
    </div>
  )
}
