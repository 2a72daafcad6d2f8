import { Button, Switch, toast, usePrompt } from "@medusajs/ui"
import type { AutomationRule } from "../../../types/http/automations"
import { useDeleteAutomation, useSaveAutomation } from "../../hooks/automations"
import { apiErrorMessage } from "../../lib/api-error"
import { ruleRequest } from "./rule-editor"

/** Enables or disables a rule at once (the whole rule is sent back with the new flag). */
export const RuleEnabledSwitch = ({ rule }: { rule: AutomationRule }) => {
  const save = useSaveAutomation()
  return (
    <Switch
      checked={rule.enabled}
      disabled={save.isPending}
      aria-label={rule.enabled ? "Disable rule" : "Enable rule"}
      onCheckedChange={(enabled) =>
        save.mutate(
          { id: rule.id, body: { ...ruleRequest(rule), enabled } },
          { onError: (e) => toast.error(`Could not ${enabled ? "enable" : "disable"} "${rule.name}"`, { description: apiErrorMessage(e) }) }
        )
      }
      data-testid="automation-enabled"
      data-rule-id={rule.id}
      data-enabled={String(rule.enabled)}
    />
  )
}

/** Deletes after Medusa's confirmation prompt; its runs go with it. */
export const DeleteRuleButton = ({ rule, onDeleted }: { rule: AutomationRule; onDeleted?: () => void }) => {
  const prompt = usePrompt()
  const remove = useDeleteAutomation()
  const onClick = async () => {
    const confirmed = await prompt({
      title: `Delete "${rule.name}"?`,
      description: "The rule stops at once and its run history is deleted. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(rule.id, {
      onSuccess: () => {
        toast.success(`Deleted "${rule.name}"`)
        onDeleted?.()
      },
      onError: (e) => toast.error("Could not delete the rule", { description: apiErrorMessage(e) }),
    })
  }
  return (
    <Button size="small" variant="danger" type="button" onClick={onClick} isLoading={remove.isPending} data-testid="automation-delete" data-rule-id={rule.id}>
      Delete
    </Button>
  )
}
