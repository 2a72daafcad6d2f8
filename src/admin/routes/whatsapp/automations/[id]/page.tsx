import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { summarizeRule } from "../../../../../lib/automations/rule-summary"
import { DeleteRuleButton, RuleEnabledSwitch } from "../../../../components/automations/rule-controls"
import { RuleEditor } from "../../../../components/automations/rule-editor"
import { RunsTable } from "../../../../components/automations/runs-table"
import { TestPanel } from "../../../../components/automations/test-panel"
import { useAutomation } from "../../../../hooks/automations"
import { apiErrorMessage } from "../../../../lib/api-error"

/** One rule: its sentence, enable/edit/delete, a test against a sample event, and its recent runs (test ids: ../page.tsx). */
const AutomationPage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = useAutomation(id)
  const [editing, setEditing] = useState(false)
  const navigate = useNavigate()
  const rule = data?.automation

  if (error) return <Text className="text-ui-fg-error">Could not load the rule: {apiErrorMessage(error)}</Text>
  if (isLoading || !rule) return <Text className="text-ui-fg-subtle">Loading…</Text>

  return (
    <div className="flex flex-col gap-y-3" data-testid="automation-detail" data-rule-id={rule.id}>
      <Container className="flex items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Link to="/whatsapp/automations" className="txt-compact-small text-ui-fg-subtle hover:underline">← Automations</Link>
          <Heading level="h1">{rule.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="automation-detail-summary">{summarizeRule(rule)}</Text>
        </div>
        <div className="flex items-center gap-3">
          <RuleEnabledSwitch rule={rule} />
          <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="automation-edit" data-rule-id={rule.id}>Edit</Button>
          <DeleteRuleButton rule={rule} onDeleted={() => navigate("/whatsapp/automations")} />
        </div>
      </Container>
      <TestPanel ruleId={rule.id} />
      <RunsTable ruleId={rule.id} />
      <RuleEditor rule={rule} open={editing} onOpenChange={setEditing} />
    </div>
  )
}

export default AutomationPage
