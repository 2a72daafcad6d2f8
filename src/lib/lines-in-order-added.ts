/**
 * Cart and order lines in the order they were added (then by id): Medusa
 * returns a relation's rows in no set order, and a message that lists the
 * lines, or names "the" product of a cart, must say the same each time.
 */
export function linesInOrderAdded<T extends { id?: string | null; created_at?: Date | string | null }>(lines: readonly T[] | null | undefined): T[] {
  const added = (line: T) => (line.created_at ? new Date(line.created_at).getTime() : 0)
  return [...(lines ?? [])].sort((a, b) => added(a) - added(b) || String(a.id ?? "").localeCompare(String(b.id ?? "")))
}
