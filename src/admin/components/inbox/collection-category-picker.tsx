import { Input, Text, clx } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { apiErrorMessage } from "../../lib/api-error"

export type GroupKind = "collection" | "category"

type Group = { id: string; label: string; handle: string | null }

/** Medusa's list endpoints differ in path, response key and title field; normalize them here. */
async function searchGroups(kind: GroupKind, q: string): Promise<Group[]> {
  const query = { q: q || undefined, limit: 30 }
  if (kind === "collection") {
    const { collections } = await sdk.client.fetch<{ collections: { id: string; title: string; handle: string | null }[] }>(
      "/admin/collections",
      { query: { ...query, fields: "id,title,handle" } }
    )
    return collections.map((c) => ({ id: c.id, label: c.title, handle: c.handle }))
  }
  const { product_categories } = await sdk.client.fetch<{
    product_categories: { id: string; name: string; handle: string | null }[]
  }>("/admin/product-categories", { query: { ...query, fields: "id,name,handle" } })
  return product_categories.map((c) => ({ id: c.id, label: c.name, handle: c.handle }))
}

type Props = { kind: GroupKind; selectedId: string | null; onSelect: (id: string) => void }

/** Picks one collection or category; the server sends its synced variants. */
export const CollectionCategoryPicker = ({ kind, selectedId, onSelect }: Props) => {
  const [q, setQ] = useState("")
  const search = useDebouncedValue(q.trim())
  const { data, isLoading, error } = useQuery({
    queryKey: ["whatsapp", "inbox", "group-search", kind, search],
    queryFn: () => searchGroups(kind, search),
  })
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
