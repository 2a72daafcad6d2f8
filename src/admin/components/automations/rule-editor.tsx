import { Button, FocusModal, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { AUTOMATION_TRIGGERS, type AdminWhatsAppAutomationRequest, type AutomationRule, type AutomationTriggerType } from "../../../types/http/automations"
import { TRIGGER_LABELS, summarizeRule } from "../../../lib/automations/rule-summary"
import { actionVariableProblems } from "../../../lib/automations/text-variables"
import { useWhatsAppAccounts } from "../../hooks/accounts"
import { useSaveAutomation } from "../../hooks/automations"
import { apiErrorMessage } from "../../lib/api-error"
import { ActionRows } from "./action-rows"
import { ConditionRows } from "./condition-rows"

const EVERY_NUMBER = "__all__"
const UNITS = { minutes: 1, hours: 60, days: 1440 } as const
type Unit = keyof typeof UNITS

const blankRule = (): AdminWhatsAppAutomationRequest => ({
  name: "",
  enabled: false,
  account_id: null,
  priority: 0,
  trigger: { type: "cart_submitted" },
  conditions: [],
  delay_minutes: 0,
  actions: [],
})

/** The editable part of a saved rule (what POST takes back; the list's `last_run` stays out). */
export function ruleRequest({ name, enabled, account_id, priority, trigger, conditions, delay_minutes, actions }: AutomationRule): AdminWhatsAppAutomationRequest {
  return { name, enabled, account_id, priority, trigger, conditions, delay_minutes, actions }
}

const unitOf = (minutes: number): Unit => (minutes && minutes % 1440 === 0 ? "days" : minutes && minutes % 60 === 0 ? "hours" : "minutes")

type Props = { rule?: AutomationRule; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (rule: AutomationRule) => void }

/** Creates or edits a rule, laid out as the sentence it reads: When → if → wait → then. */
export const RuleEditor = ({ rule, open, onOpenChange, onSaved }: Props) => {
  const [draft, setDraft] = useState<AdminWhatsAppAutomationRequest>(() => (rule ? ruleRequest(rule) : blankRule()))
  const [unit, setUnit] = useState<Unit>(() => unitOf(rule?.delay_minutes ?? 0))
  const [names, setNames] = useState<Record<string, string>>({})
  const accounts = useWhatsAppAccounts()
  const accountList = (accounts.data?.accounts ?? []).map((a) => ({ id: a.id, name: a.name }))
  const save = useSaveAutomation()

  useEffect(() => {
    if (open) {
      setDraft(rule ? ruleRequest(rule) : blankRule())
      setUnit(unitOf(rule?.delay_minutes ?? 0))
      save.reset()
    }
  }, [open, rule?.id])

  const set = <K extends keyof AdminWhatsAppAutomationRequest>(key: K, value: AdminWhatsAppAutomationRequest[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const learn = (labels: Record<string, string>) => setNames((n) => ({ ...n, ...labels }))
  const allNames = { ...names, ...Object.fromEntries(accountList.map((a) => [a.id, a.name])) }

  const variableProblems = actionVariableProblems(draft.actions)
  const problems = [
    !draft.name.trim() && "Give the rule a name.",
    !draft.actions.length && "Add at least one action.",
    ...variableProblems.map(
      (p) => `Action ${p.index + 1} (${p.field}): ${p.unknown.length ? `unknown ${p.unknown.map((n) => `{{${n}}}`).join(", ")}` : "a brace is not closed"}`
    ),
  ].filter((p): p is string => !!p)

  const keywords = draft.trigger.keywords ?? []
  const templateAccountId = draft.account_id ?? accountList[0]?.id

  const submit = () => {
    if (problems.length) return
    const body = { ...draft, name: draft.name.trim() }
    body.trigger =
      body.trigger.type === "message_received"
        ? { type: "message_received", match: body.trigger.match ?? "contains", keywords: keywords.map((k) => k.trim()).filter(Boolean) }
        : { type: body.trigger.type }
    save.mutate(
      { id: rule?.id, body },
      {
        onSuccess: ({ automation }) => {
          toast.success(rule ? "Rule saved" : "Rule created")
          onSaved?.(automation)
          onOpenChange(false)
        },
      }
    )
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="automation-editor">
        <FocusModal.Header>
          <div className="flex w-full items-center justify-end gap-2">
            <Button size="small" variant="secondary" type="button" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button size="small" type="button" onClick={submit} isLoading={save.isPending} disabled={problems.length > 0} data-testid="automation-save">
              Save
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <div className="flex w-full max-w-3xl flex-col gap-y-6">
            <div className="flex flex-col gap-y-1">
              <Heading>{rule ? "Edit automation" : "New automation"}</Heading>
              <Text size="small" className="text-ui-fg-subtle" data-testid="automation-summary">{summarizeRule(draft, allNames)}</Text>
            </div>
            <div className="grid grid-cols-[1fr_220px_auto] items-end gap-3">
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="automation-name">Name</Label>
                <Input id="automation-name" value={draft.name} onChange={(e) => set("name", e.target.value)} data-testid="automation-name-input" placeholder="Notify us of new carts" />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small">WhatsApp number</Label>
                <Select value={draft.account_id ?? EVERY_NUMBER} onValueChange={(v) => set("account_id", v === EVERY_NUMBER ? null : v)}>
                  <Select.Trigger data-testid="automation-account"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value={EVERY_NUMBER}>Every number</Select.Item>
                    {accountList.map((a) => (
                      <Select.Item key={a.id} value={a.id}>{a.name}</Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <div className="flex items-center gap-2 pb-2">
                <Switch id="automation-enabled" checked={draft.enabled} onCheckedChange={(enabled) => set("enabled", enabled)} data-testid="automation-enabled-input" />
                <Label size="small" htmlFor="automation-enabled">Enabled</Label>
              </div>
            </div>

            <section className="flex flex-col gap-y-2" data-testid="automation-when">
              <Heading level="h3">When</Heading>
              <Select value={draft.trigger.type} onValueChange={(type) => set("trigger", { ...draft.trigger, type: type as AutomationTriggerType })}>
                <Select.Trigger data-testid="automation-trigger"><Select.Value /></Select.Trigger>
                <Select.Content>
                  {AUTOMATION_TRIGGERS.map((t) => (
                    <Select.Item key={t} value={t}>{TRIGGER_LABELS[t]}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {draft.trigger.type === "message_received" && (
                <div className="grid grid-cols-[160px_1fr_120px] gap-2">
                  <Select value={draft.trigger.match ?? "contains"} onValueChange={(match) => set("trigger", { ...draft.trigger, match: match as "exact" | "contains" })}>
                    <Select.Trigger data-testid="automation-keyword-match"><Select.Value /></Select.Trigger>
                    <Select.Content>
                      <Select.Item value="contains">contains</Select.Item>
                      <Select.Item value="exact">is exactly</Select.Item>
                    </Select.Content>
                  </Select>
                  <Input
                    placeholder="Keywords, comma-separated (empty: any message)"
                    value={keywords.join(", ")}
                    onChange={(e) => set("trigger", { ...draft.trigger, keywords: e.target.value.split(",").map((k) => k.trimStart()) })}
                    onBlur={() => set("trigger", { ...draft.trigger, keywords: keywords.map((k) => k.trim()).filter(Boolean) })}
                    data-testid="automation-keywords"
                  />
                  <Input
                    type="number"
                    title="Priority: of several keyword rules that match a message, the highest answers"
                    aria-label="Priority"
                    value={draft.priority}
                    onChange={(e) => set("priority", Math.round(Number(e.target.value) || 0))}
                    data-testid="automation-priority"
                  />
                </div>
              )}
              {draft.trigger.type === "message_received" && keywords.length > 0 && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  A matching message gets this rule's answer instead of the product search; of several matching rules, the highest priority answers.
                </Text>
              )}
            </section>

            <section className="flex flex-col gap-y-2" data-testid="automation-if">
              <Heading level="h3">If</Heading>
              <ConditionRows conditions={draft.conditions} onChange={(c) => set("conditions", c)} accounts={accountList} onLabels={learn} />
            </section>

            <section className="flex flex-col gap-y-2" data-testid="automation-wait">
              <Heading level="h3">Wait</Heading>
              <div className="grid grid-cols-[120px_160px] gap-2">
                <Input
                  type="number"
                  min={0}
                  value={draft.delay_minutes / UNITS[unit]}
                  onChange={(e) => set("delay_minutes", Math.max(0, Math.round(Number(e.target.value) * UNITS[unit])))}
                  data-testid="automation-delay"
                />
                <Select
                  value={unit}
                  onValueChange={(u) => {
                    set("delay_minutes", Math.round((draft.delay_minutes / UNITS[unit]) * UNITS[u as Unit]))
                    setUnit(u as Unit)
                  }}
                >
                  <Select.Trigger data-testid="automation-delay-unit"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    {Object.keys(UNITS).map((u) => (
                      <Select.Item key={u} value={u}>{u}</Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">0: at once. After a wait the conditions are checked again.</Text>
            </section>

            <section className="flex flex-col gap-y-2" data-testid="automation-then">
              <Heading level="h3">Then</Heading>
              <ActionRows actions={draft.actions} onChange={(a) => set("actions", a)} accountId={templateAccountId} onLabels={learn} />
            </section>

            {problems.length > 0 && (
              <ul className="text-ui-fg-error list-disc pl-5" data-testid="automation-problems">
                {problems.map((p) => (
                  <li key={p}><Text size="small">{p}</Text></li>
                ))}
              </ul>
            )}
            {save.error && (
              <Text size="small" className="text-ui-fg-error" data-testid="automation-save-error">Could not save: {apiErrorMessage(save.error)}</Text>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
