import { parseQuery } from "../normalize"
import { rankCandidates, selectMatches } from "../rank"
import demo from "../../../../demo/catalog.json"
import fixture from "./fixtures/demo-shopper-queries.json"

type DemoProduct = { handle: string; title: string; category?: string; brand?: string; description?: string; sizes?: string[]; colors?: string[] }

/**
 * The demo catalog's 30 products searched with shoppers' own words in three
 * languages (see the fixture's `about`). Every product is a candidate here:
 * this checks understanding and ranking; retrieval through Medusa's Search
 * module is covered by the integration specs and the search bench.
 */
const candidates = ((demo as any).products ?? demo as DemoProduct[]).map((p: DemoProduct) => ({
  id: p.handle,
  title: p.title,
  extra: [p.category, p.brand].filter((v): v is string => !!v),
  description: p.description ?? null,
  variants: (p.sizes ?? ["U"]).flatMap((size) =>
    (p.colors ?? ["U"]).map((color) => ({ id: `${p.handle}:${size}:${color}`, title: `${size} / ${color}`, options: [size, color] }))
  ),
}))
// The fixture's expected handles name each product by its words ("camisa-de-lino"); the catalog's handles drop "de"/"con".
const key = (handle: string) => handle.split("-").filter((w) => !["de", "con", "pack", "3"].includes(w)).join("-")

describe("demo catalog searched in shoppers' words", () => {
  it.each(fixture.queries.map((q) => [q.language, q.q, q.expect]))("%s: %s → %s", (_language, text, expected) => {
    const found = selectMatches(rankCandidates(parseQuery(text), candidates), 3).map((r) => key(r.product_id))
    expect(found).toContain(key(expected))
  })
})
