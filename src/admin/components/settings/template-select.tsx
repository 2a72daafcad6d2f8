import { Select, Text } from "@medusajs/ui"
import type { TemplateRef } from "../../../lib/account-settings"
import type { TemplateSummary } from "../../../types/http"

type Props = {
  templates: TemplateSummary[] | undefined
  use: "recovery" | "order_update"
  value: TemplateRef | null
  onChange: (value: TemplateRef | null) => void
  testId: string
}

const NONE = "__none__"
const keyOf = (t: { name: string; language: string }) => `${t.name}|${t.language}`

/** Picks an approved template whose parameters fit the use; "None" means nothing is sent outside the window. */
export const TemplateSelect = ({ templates, use, value, onChange, testId }: Props) => {
  const fitting = (templates ?? []).filter((t) => t.fits[use])
  const unknownCurrent = value && !fitting.some((t) => keyOf(t) === keyOf(value))
  // Meta paused, disabled or rejected the chosen template: say why it is not sent.
  const unusable = value ? (templates ?? []).find((t) => keyOf(t) === keyOf(value))?.unusable_reason : null
  return (
    <div className="flex flex-col gap-y-1">
      <Select
        value={value ? keyOf(value) : NONE}
        onValueChange={(key) => {
          const picked = fitting.find((t) => keyOf(t) === key)
          onChange(picked ? { name: picked.name, language: picked.language, category: picked.category as TemplateRef["category"] } : key === NONE ? null : value)
        }}
      >
        <Select.Trigger data-testid={testId}>
          <Select.Value placeholder="None" />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={NONE}>None</Select.Item>
          {unknownCurrent && <Select.Item value={keyOf(value!)}>{`${value!.name} (${value!.language}) — not found or not fitting`}</Select.Item>}
          {fitting.map((t) => (
            <Select.Item key={keyOf(t)} value={keyOf(t)}>
              {`${t.name} (${t.language}, ${t.category.toLowerCase()})`}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {unusable && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid={`${testId}-unusable`}>
          {unusable}
        </Text>
      )}
      {templates && !fitting.length && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          No approved template fits yet: {use === "recovery" ? "it needs 2 body parameters and a URL button with a parameter" : "it needs 2 body parameters and no URL parameter"}.
        </Text>
      )}
    </div>
  )
}
