import { Button, IconButton, Select, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import type { AutomationAction, AutomationActionType } from "../../../types/http/automations"
import { ACTION_LABELS } from "../../../lib/automations/rule-summary"
import { ActionForm, emptyAction } from "./action-form"
import { useRowKeys } from "./use-row-keys"

const TYPES = Object.keys(ACTION_LABELS) as AutomationActionType[]
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

type Props = {
  actions: AutomationAction[]
  onChange: (actions: AutomationAction[]) => void
  accountId: string | undefined
  onLabels: (labels: Record<string, string>) => void
}

/** The actions, run in order; each row's fields follow its type. */
export const ActionRows = ({ actions, onChange, accountId, onLabels }: Props) => {
  const set = (i: number, action: AutomationAction) => onChange(actions.map((a, j) => (j === i ? action : a)))
  const rows = useRowKeys(actions.length)
  const remove = (i: number) => {
    rows.removed(i)
    onChange(actions.filter((_, j) => j !== i))
  }
  const add = () => {
    rows.added()
    onChange([...actions, emptyAction("send_text")])
  }
  return (
    <div className="flex flex-col gap-y-3">
      {!actions.length && <Text size="small" className="text-ui-fg-error">Add at least one action.</Text>}
      {actions.map((action, i) => (
        <div key={rows.keys[i]} className="flex flex-col gap-y-3 rounded-lg border p-3" data-testid="automation-action" data-index={i} data-type={action.type}>
          <div className="flex items-center gap-2">
            <Text size="small" weight="plus">{i + 1}.</Text>
            <Select value={action.type} onValueChange={(type) => set(i, emptyAction(type as AutomationActionType))}>
              <Select.Trigger className="w-64" data-testid="automation-action-type"><Select.Value /></Select.Trigger>
              <Select.Content>
                {TYPES.map((type) => (
                  <Select.Item key={type} value={type}>{capital(ACTION_LABELS[type])}</Select.Item>
                ))}
              </Select.Content>
            </Select>
            <div className="flex-1" />
            <IconButton type="button" variant="transparent" onClick={() => remove(i)} data-testid="automation-action-remove" aria-label="Remove action">
              <Trash />
            </IconButton>
          </div>
          {/* Keyed by type so each form's pickers keep their own hooks. */}
          <ActionForm key={action.type} action={action} onChange={(next) => set(i, next)} accountId={accountId} testId="automation-action" onLabels={onLabels} />
        </div>
      ))}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={add} data-testid="automation-action-add">
          Add action
        </Button>
      </div>
    </div>
  )
}
