import { Badge, Button, Container, Heading, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { AdminWhatsAppAutomationTestRequest } from "../../../types/http/automations"
import { ACTION_LABELS } from "../../../lib/automations/rule-summary"
import { useTestAutomation } from "../../hooks/automations"
import { apiErrorMessage } from "../../lib/api-error"

const SAMPLE_FIELDS = [
  ["conversation_id", "Conversation ID", "wacon_…"],
  ["cart_id", "Cart ID", "cart_…"],
  ["order_id", "Order ID", "order_…"],
] as const

/** Runs the rule against a sample event on the server and shows what it would do; nothing is sent. */
export const TestPanel = ({ ruleId }: { ruleId: string }) => {
  const [sample, setSample] = useState<Record<string, string>>({})
  const test = useTestAutomation(ruleId)
  const result = test.data

  const run = () => {
    const body: AdminWhatsAppAutomationTestRequest = {}
    for (const [key] of SAMPLE_FIELDS) if (sample[key]?.trim()) body[key] = sample[key].trim()
    if (sample.text?.trim()) body.text = sample.text.trim()
    test.mutate(body)
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="automation-test">
      <div>
        <Heading level="h2">Test</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What the rule would do for a real conversation, cart or order (all optional); nothing is sent.
        </Text>
      </div>
      <div className="grid grid-cols-3 gap-3">
        {SAMPLE_FIELDS.map(([key, label, placeholder]) => (
          <div key={key} className="flex flex-col gap-y-1">
            <Label size="small">{label}</Label>
            <Input size="small" placeholder={placeholder} value={sample[key] ?? ""} onChange={(e) => setSample({ ...sample, [key]: e.target.value })} data-testid={`automation-test-${key.replace("_id", "")}`} />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Message text (for "message received")</Label>
        <Textarea value={sample.text ?? ""} onChange={(e) => setSample({ ...sample, text: e.target.value })} data-testid="automation-test-text" />
      </div>
      <div>
        <Button size="small" variant="secondary" onClick={run} isLoading={test.isPending} data-testid="automation-test-run">Run test</Button>
      </div>
      {test.error && <Text size="small" className="text-ui-fg-error" data-testid="automation-test-error">{apiErrorMessage(test.error)}</Text>}
      {result && (
        <div className="flex flex-col gap-y-3" data-testid="automation-test-result" data-matches={String(result.matches)}>
          <Text size="small" weight="plus">
            {result.matches ? "The rule matches: these actions would run." : "The rule would not run."}
          </Text>
          {result.reason && <Text size="small" className="text-ui-fg-subtle" data-testid="automation-test-reason">{result.reason}</Text>}
          {Object.keys(result.variables).length > 0 && (
            <dl className="grid grid-cols-[200px_1fr] gap-x-3 gap-y-1">
              {Object.entries(result.variables).map(([name, value]) => (
                <div key={name} className="contents" data-testid="automation-test-variable" data-name={name}>
                  <dt><Badge size="2xsmall">{`{{${name}}}`}</Badge></dt>
                  <dd><Text size="small">{value}</Text></dd>
                </div>
              ))}
            </dl>
          )}
          <ol className="flex flex-col gap-y-2">
            {result.actions.map((a) => (
              <li key={a.index} className="rounded-lg border p-3" data-testid="automation-test-action" data-index={a.index} data-type={a.type}>
                <Text size="xsmall" className="text-ui-fg-subtle">{a.index + 1}. {ACTION_LABELS[a.type] ?? a.type}</Text>
                <Text size="small" className="whitespace-pre-wrap">{a.preview}</Text>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Container>
  )
}
