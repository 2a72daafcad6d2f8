import { Select, Text } from "@medusajs/ui"
import { useAccountTemplates } from "../../hooks/accounts"
import { apiErrorMessage } from "../../lib/api-error"
import type { TemplateSummary } from "../../../types/http"

type Ref = { name: string; language: string }
type Props = {
  accountId: string | undefined
  value: Ref | null
  onChange: (value: Ref | null, template: TemplateSummary | null) => void
  testId: string
  /** A fallback may be "None"; a template action needs one. */
  optional?: boolean
}

const NONE = "__none__"
const keyOf = (t: Ref) => `${t.name}|${t.language}`

/** The account's approved templates (Meta's list, through the plugin). */
export const AutomationTemplateSelect = ({ accountId, value, onChange, testId, optional }: Props) => {
  const { data, error, isLoading } = useAccountTemplates(accountId ?? "", { enabled: !!accountId, retry: false })
  const approved = (data?.templates ?? []).filter((t) => t.status === "APPROVED")
  if (!accountId) return <Text size="xsmall" className="text-ui-fg-subtle">Connect a WhatsApp number to choose its templates.</Text>
  const missing = value && !approved.some((t) => keyOf(t) === keyOf(value))
  return (
    <div className="flex flex-col gap-y-1">
      <Select
        value={value ? keyOf(value) : optional ? NONE : undefined}
        onValueChange={(key) => {
          const picked = approved.find((t) => keyOf(t) === key) ?? null
          onChange(picked ? { name: picked.name, language: picked.language } : null, picked)
        }}
      >
        <Select.Trigger data-testid={testId}>
          <Select.Value placeholder={isLoading ? "Loading templates…" : "Choose a template"} />
        </Select.Trigger>
        <Select.Content>
          {optional && <Select.Item value={NONE}>None (skip outside the 24-hour window)</Select.Item>}
          {missing && <Select.Item value={keyOf(value!)}>{`${value!.name} (${value!.language}) — not approved or not found`}</Select.Item>}
          {approved.map((t) => (
            <Select.Item key={keyOf(t)} value={keyOf(t)}>{`${t.name} (${t.language}, ${t.body_parameters} parameters)`}</Select.Item>
          ))}
        </Select.Content>
      </Select>
      {!!error && <Text size="xsmall" className="text-ui-fg-error">Could not load templates: {apiErrorMessage(error)}</Text>}
      {data && !approved.length && <Text size="xsmall" className="text-ui-fg-subtle">No approved template on this number yet.</Text>}
    </div>
  )
}
