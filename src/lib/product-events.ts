/** Medusa events after which a product's data (and so its catalog item and search document) may differ. */
export const PRODUCT_CHANGE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
] as const
