import { Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { type GroupKind, useProductGroups } from "../../hooks/medusa"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { apiErrorMessage } from "../../lib/api-error"

export type { GroupKind }

type Props = { kind: GroupKind; selectedId: string | null; onSelect: (id: string) => void }

/** Picks one collection or category; the server sends its synced variants. */
export const CollectionCategoryPicker = ({ kind, selectedId, onSelect }: Props) => {
  const [q, setQ] = useState("")
  const search = useDebouncedValue(q.trim())
  const { data, isLoading, error } = useProductGroups(kind, search)
  const noun = kind === "collection" ? "collections" : "categories"

  return (
    <div className="flex flex-col gap-3">
      <Input
        type="text"
        size="small"
        placeholder={`Search ${noun}`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid={`${kind}-search`}
      />
      {isLoading && <Text size="small" className="text-ui-fg-subtle">Searching…</Text>}
      {error && <Text size="small" className="text-ui-fg-error">Could not load {noun}: {apiErrorMessage(error)}</Text>}
      {data && data.length === 0 && <Text size="small" className="text-ui-fg-subtle">No {noun} found.</Text>}
      <ul className="shadow-elevation-card-rest bg-ui-bg-base divide-y rounded-lg" role="radiogroup">
        {data?.map((group) => {
          const selected = group.id === selectedId
          return (
            <li key={group.id}>
              <button
                type="button"
                role="radio"
                aria-checked={selected}
                onClick={() => onSelect(group.id)}
                data-testid={`${kind}-option`}
                data-id={group.id}
                className={clx(
                  "flex w-full items-center justify-between px-3 py-2 text-left hover:bg-ui-bg-base-hover",
                  selected && "bg-ui-bg-highlight hover:bg-ui-bg-highlight-hover"
                )}
              >
                <Text size="small" weight={selected ? "plus" : "regular"}>{group.label}</Text>
                {group.handle && <Text size="xsmall" className="text-ui-fg-muted">/{group.handle}</Text>}
              </button>
            </li>
          )
        })}
      </ul>
      <Text size="xsmall" className="text-ui-fg-muted">
        Only variants synced to the WhatsApp catalog are sent; the others are listed after sending.
      </Text>
    </div>
  )
}
