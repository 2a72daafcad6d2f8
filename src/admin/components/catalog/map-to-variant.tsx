import { Button, Input, Select, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSetRetailerId } from "../../hooks/catalog"
import { useProductSearch } from "../../hooks/medusa"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { apiErrorMessage } from "../../lib/api-error"

type Props = {
  /** The content ID Meta holds for the unmatched item. */
  retailerId: string
  catalogId: string | null
  onMapped: (variantId: string) => void
}

/** Search products, pick one of their variants, and give it the unmatched item's content ID. */
export const MapToVariant = ({ retailerId, catalogId, onMapped }: Props) => {
  const [search, setSearch] = useState("")
  const [variantId, setVariantId] = useState<string>("")
  const q = useDebouncedValue(search.trim(), 300)
  const { data, isFetching, error } = useProductSearch(q)
  const setRetailerId = useSetRetailerId()

  const options = useMemo(
    () =>
      (data?.products ?? []).flatMap((product) =>
        (product.variants ?? []).map((variant) => ({
          id: variant.id,
          label: [product.title, variant.title, variant.sku ? `SKU ${variant.sku}` : null].filter(Boolean).join(" · "),
        }))
      ),
    [data]
  )

  const save = () =>
    setRetailerId.mutate(
      { variant_id: variantId, retailer_id: retailerId, catalog_id: catalogId ?? undefined },
      {
        onSuccess: () => {
          toast.success(`Mapped ${retailerId}`)
          onMapped(variantId)
        },
        // A content ID already used by another variant comes back as a 400 with the reason.
        onError: (err) => toast.error(`Could not map ${retailerId}`, { description: apiErrorMessage(err) }),
      }
    )

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          size="small"
          type="search"
          placeholder="Search products"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value)
            setVariantId("")
          }}
          className="w-[200px]"
          data-testid="catalog-map-search"
        />
        <div className="w-[260px]">
          <Select size="small" value={variantId} onValueChange={setVariantId} disabled={!options.length}>
            <Select.Trigger data-testid="catalog-map-variant">
              <Select.Value placeholder={q ? (isFetching ? "Searching…" : options.length ? "Pick a variant" : "No variants found") : "Search first"} />
            </Select.Trigger>
            <Select.Content>
              {options.map((option) => (
                <Select.Item key={option.id} value={option.id}>
                  {option.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <Button
          size="small"
          variant="secondary"
          disabled={!variantId || setRetailerId.isPending}
          isLoading={setRetailerId.isPending}
          onClick={save}
          data-testid="catalog-map-save"
        >
          Map to variant
        </Button>
      </div>
      {!!error && (
        <Text size="small" className="text-ui-fg-error">
          Search failed: {apiErrorMessage(error)}
        </Text>
      )}
    </div>
  )
}
