/**
 * A product's or variant's images in the order the merchant set (Medusa's
 * `rank`, then id). Relations come back in no set order, and the first image
 * becomes Meta's main image: unsorted, it could change between two syncs and
 * push an unchanged item again.
 */
export function imagesInRankOrder<T extends { id?: string | null; rank?: number | null }>(images: readonly (T | null | undefined)[] | null | undefined): T[] {
  return (images ?? [])
    .filter((image): image is T => !!image)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || String(a.id ?? "").localeCompare(String(b.id ?? "")))
}
