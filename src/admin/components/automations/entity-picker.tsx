import { Badge, Input, Text, clx } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type PickerOption, useCollectionOptions, useCustomerGroupOptions, useProductOptions, useUserOptions } from "../../hooks/medusa"
import { apiErrorMessage } from "../../lib/api-error"
import { useDebouncedValue } from "../../lib/use-debounced-value"

export type EntityKind = "product" | "collection" | "customer_group" | "user"

const SEARCH: Record<EntityKind, (q: string) => { data?: PickerOption[]; isLoading: boolean; error: unknown }> = {
  product: (q) => useProductOptions(q),
  collection: useCollectionOptions,
  customer_group: useCustomerGroupOptions,
  user: useUserOptions,
}
const NOUNS: Record<EntityKind, string> = { product: "products", collection: "collections", customer_group: "customer groups", user: "admin users" }

type Props = {
  /** Fixed for the component's life (the parent keys it by kind), so the same hook runs on every render. */
  kind: EntityKind
  value: string[]
  onChange: (ids: string[]) => void
  multiple?: boolean
  testId: string
  /** Labels learned while picking, shared with the rule summary. */
  onLabels?: (labels: Record<string, string>) => void
}

/** Searches Medusa's products, collections, customer groups or users and picks one or several by id. */
export const EntityPicker = ({ kind, value, onChange, multiple, testId, onLabels }: Props) => {
  const [q, setQ] = useState("")
  const search = useDebouncedValue(q.trim())
  const { data, isLoading, error } = SEARCH[kind](search)
  const [labels, setLabels] = useState<Record<string, string>>({})
  useEffect(() => {
    if (!data?.length) return
    const learned = Object.fromEntries(data.map((o) => [o.id, o.label]))
    setLabels((current) => ({ ...current, ...learned }))
    onLabels?.(learned)
  }, [data])

  const toggle = (id: string) => {
    if (!multiple) return onChange([id])
    onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid={testId} data-kind={kind} data-value={value.join(",")}>
      {value.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {value.map((id) => (
            <Badge key={id} size="2xsmall" data-testid={`${testId}-selected`} data-id={id}>
              {labels[id] ?? id}
              {multiple && (
                <button type="button" className="ml-1" aria-label="Remove" onClick={() => toggle(id)}>
                  ×
                </button>
              )}
            </Badge>
          ))}
        </div>
      )}
      <Input size="small" type="search" placeholder={`Search ${NOUNS[kind]}`} value={q} onChange={(e) => setQ(e.target.value)} data-testid={`${testId}-search`} />
      {isLoading && <Text size="xsmall" className="text-ui-fg-subtle">Searching…</Text>}
      {!!error && <Text size="xsmall" className="text-ui-fg-error">Could not load {NOUNS[kind]}: {apiErrorMessage(error)}</Text>}
      {data && !data.length && <Text size="xsmall" className="text-ui-fg-subtle">No {NOUNS[kind]} found.</Text>}
      <ul className="bg-ui-bg-base max-h-40 divide-y overflow-y-auto rounded-lg border">
        {data?.map((option) => {
          const selected = value.includes(option.id)
          return (
            <li key={option.id}>
              <button
                type="button"
                onClick={() => toggle(option.id)}
                aria-pressed={selected}
                data-testid={`${testId}-option`}
                data-id={option.id}
                className={clx("flex w-full items-center justify-between px-3 py-1.5 text-left hover:bg-ui-bg-base-hover", selected && "bg-ui-bg-highlight")}
              >
                <Text size="small" weight={selected ? "plus" : "regular"}>{option.label}</Text>
                {option.hint && <Text size="xsmall" className="text-ui-fg-muted">{option.hint}</Text>}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
