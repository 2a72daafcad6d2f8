import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { AUTOMATION_CONDITION_FIELDS, type AutomationCondition, type AutomationConditionField } from "../../../types/http/automations"
import { CONDITION_FIELD_LABELS, CONDITION_OP_LABELS, CUSTOMER_KIND_LABELS } from "../../../lib/automations/rule-summary"
import { EntityPicker, type EntityKind } from "./entity-picker"
import { useRowKeys } from "./use-row-keys"

type Op = AutomationCondition["op"]
const AMOUNT_OPS: Op[] = ["gte", "lte", "eq", "neq"]
const CHOICE_OPS: Op[] = ["eq", "neq"]
const ID_OPS: Op[] = ["in", "not_in", "eq", "neq"]
const OPS: Record<AutomationConditionField, Op[]> = {
  account: CHOICE_OPS,
  language: CHOICE_OPS,
  cart_total: AMOUNT_OPS,
  order_total: AMOUNT_OPS,
  customer_kind: ["eq"],
  customer_group: ID_OPS,
  product_in_cart: ["eq", "neq"],
  collection_in_cart: ["eq", "neq"],
}
const PICKERS: Partial<Record<AutomationConditionField, EntityKind>> = {
  customer_group: "customer_group",
  product_in_cart: "product",
  collection_in_cart: "collection",
}
const LANGUAGES = { es: "Spanish", pt: "Portuguese", en: "English" }

function emptyCondition(field: AutomationConditionField): AutomationCondition {
  const op = OPS[field][0]
  if (field === "cart_total" || field === "order_total") return { field, op, value: 0 }
  if (field === "customer_kind") return { field, op, value: "first_order" }
  if (field === "language") return { field, op, value: "es" }
  return { field, op, value: op === "in" || op === "not_in" ? [] : "" }
}

const ids = (value: AutomationCondition["value"]) => (Array.isArray(value) ? value : value === "" ? [] : [String(value)])

type Props = {
  conditions: AutomationCondition[]
  onChange: (conditions: AutomationCondition[]) => void
  accounts: { id: string; name: string }[]
  onLabels: (labels: Record<string, string>) => void
}

/** "if ‹field› ‹op› ‹value›" rows; all must hold. */
export const ConditionRows = ({ conditions, onChange, accounts, onLabels }: Props) => {
  const set = (i: number, condition: AutomationCondition) => onChange(conditions.map((c, j) => (j === i ? condition : c)))
  const rows = useRowKeys(conditions.length)
  const remove = (i: number) => {
    rows.removed(i)
    onChange(conditions.filter((_, j) => j !== i))
  }
  const add = () => {
    rows.added()
    onChange([...conditions, emptyCondition("cart_total")])
  }

  const valueInput = (c: AutomationCondition, i: number) => {
    const testId = "automation-condition-value"
    const picker = PICKERS[c.field]
    if (picker) {
      const multiple = c.op === "in" || c.op === "not_in"
      return (
        <EntityPicker
          key={`${c.field}-${rows.keys[i]}`}
          kind={picker}
          multiple={multiple}
          value={ids(c.value)}
          onChange={(next) => set(i, { ...c, value: multiple ? next : next[0] ?? "" })}
          testId={testId}
          onLabels={onLabels}
        />
      )
    }
    if (c.field === "cart_total" || c.field === "order_total") {
      return <Input size="small" type="number" min={0} step="0.01" value={String(c.value)} onChange={(e) => set(i, { ...c, value: Number(e.target.value) })} data-testid={testId} />
    }
    const choices: Record<string, string> =
      c.field === "account" ? Object.fromEntries(accounts.map((a) => [a.id, a.name])) : c.field === "language" ? LANGUAGES : CUSTOMER_KIND_LABELS
    return (
      <Select value={String(c.value)} onValueChange={(value) => set(i, { ...c, value })}>
        <Select.Trigger data-testid={testId}><Select.Value placeholder="Choose" /></Select.Trigger>
        <Select.Content>
          {Object.entries(choices).map(([value, label]) => (
            <Select.Item key={value} value={value}>{label}</Select.Item>
          ))}
        </Select.Content>
      </Select>
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      {!conditions.length && <Text size="small" className="text-ui-fg-subtle">Always (no condition).</Text>}
      {conditions.map((c, i) => (
        <div key={rows.keys[i]} className="grid grid-cols-[180px_140px_1fr_auto] items-start gap-2" data-testid="automation-condition" data-index={i} data-field={c.field}>
          <Select value={c.field} onValueChange={(field) => set(i, emptyCondition(field as AutomationConditionField))}>
            <Select.Trigger data-testid="automation-condition-field"><Select.Value /></Select.Trigger>
            <Select.Content>
              {AUTOMATION_CONDITION_FIELDS.map((f) => (
                <Select.Item key={f} value={f}>{CONDITION_FIELD_LABELS[f]}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select
            value={c.op}
            onValueChange={(op) => {
              const multiple = op === "in" || op === "not_in"
              const value = PICKERS[c.field] ? (multiple ? ids(c.value) : ids(c.value)[0] ?? "") : c.value
              set(i, { ...c, op: op as Op, value })
            }}
          >
            <Select.Trigger data-testid="automation-condition-op"><Select.Value /></Select.Trigger>
            <Select.Content>
              {OPS[c.field].map((op) => (
                <Select.Item key={op} value={op}>{CONDITION_OP_LABELS[op]}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          {valueInput(c, i)}
          <IconButton type="button" variant="transparent" onClick={() => remove(i)} data-testid="automation-condition-remove" aria-label="Remove condition">
            <Trash />
          </IconButton>
        </div>
      ))}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={add} data-testid="automation-condition-add">
          Add condition
        </Button>
      </div>
    </div>
  )
}
