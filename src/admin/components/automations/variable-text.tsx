import { Badge, Input, Label, Text, Textarea } from "@medusajs/ui"
import { AUTOMATION_VARIABLES } from "../../../types/http/automations"
import { textVariableProblems } from "../../../lib/automations/text-variables"

type Props = {
  label: string
  value: string
  onChange: (value: string) => void
  testId: string
  /** One line (a title, a template parameter) instead of a text area. */
  single?: boolean
  placeholder?: string
}

/**
 * A text sent with variables filled: the known `{{variables}}` are listed
 * (a click appends one) and unknown names or unclosed braces are flagged
 * here, before the server refuses the rule.
 */
export const VariableText = ({ label, value, onChange, testId, single, placeholder }: Props) => {
  const { unknown, unbalanced } = textVariableProblems(value)
  const Field = single ? Input : Textarea
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{label}</Label>
      <Field value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-invalid={unknown.length > 0 || unbalanced} />
      <div className="flex flex-wrap gap-1" data-testid={`${testId}-variables`}>
        {AUTOMATION_VARIABLES.map((name) => (
          <button key={name} type="button" onClick={() => onChange(`${value}{{${name}}}`)} data-testid="automation-variable" data-name={name}>
            <Badge size="2xsmall" className="cursor-pointer">{`{{${name}}}`}</Badge>
          </button>
        ))}
      </div>
      {unknown.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid={`${testId}-unknown`} data-names={unknown.join(",")}>
          Unknown variable{unknown.length > 1 ? "s" : ""}: {unknown.map((n) => `{{${n}}}`).join(", ")}
        </Text>
      )}
      {unbalanced && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid={`${testId}-unbalanced`}>
          A {"{{"} is not closed (or a {"}}"} not opened): the customer would see it as typed.
        </Text>
      )}
    </div>
  )
}
