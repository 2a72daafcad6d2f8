import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useMedusaProduct } from "../../hooks/medusa"

type Props = { productId: string | null; retailerId: string | null }

/** The catalog product a customer asked about (Meta's "referred product"). */
export const ProductCard = ({ productId, retailerId }: Props) => {
  // A product's title and picture rarely change while a chat is open.
  const { data, isLoading, error } = useMedusaProduct(productId, "id,title,thumbnail", { staleTime: 5 * 60_000 })
  const product = data?.product

  return (
    <div
      className="bg-ui-bg-base shadow-elevation-card-rest mt-2 flex items-center gap-3 rounded-lg p-2"
      data-testid="product-card"
      data-product-id={productId ?? undefined}
    >
      <div className="bg-ui-bg-component size-10 shrink-0 overflow-hidden rounded-md">
        {product?.thumbnail && <img src={product.thumbnail} alt="" className="size-full object-cover" />}
      </div>
      <div className="min-w-0">
        <Text size="xsmall" className="text-ui-fg-muted">Asked about</Text>
        {product ? (
          <Link to={`/products/${product.id}`} className="txt-compact-small-plus text-ui-fg-base hover:underline">
            {product.title}
          </Link>
        ) : (
          <Text size="small" className="truncate text-ui-fg-subtle">
            {isLoading ? "Loading product…" : error ? "Product not found" : `Item ${retailerId ?? "unknown"}`}
          </Text>
        )}
      </div>
    </div>
  )
}
