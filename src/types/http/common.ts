/**
 * The plugin's admin API as the client sees it (JSON on the wire): one
 * definition, used by the route handlers (`MedusaResponse<…>`) and imported by
 * the admin. Pure types only, so the admin bundle can import them: nothing
 * here may import server code at runtime (`import type` from src/lib is fine).
 *
 * Json columns (cart `items`, run `stats`, rule `keywords`) are typed as
 * records by the data model; routes cast those rows to the shapes here.
 */

/** An ISO-8601 timestamp, as serialized (the server's `Date`). */
export type DateTime = string

/** `limit`/`offset` pages of the admin lists. */
export type PaginatedResponse<Key extends string, Row> = { [K in Key]: Row[] } & { count: number; offset: number; limit: number }

/** What a DELETE answers. */
export type DeleteResponse<Object extends string> = { id: string; object: Object; deleted: true }
