import fs from "node:fs"
import os from "node:os"
import path from "node:path"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildVocabulary } = require("../build-search-vocabulary")

/** Localization files shaped like Shopify's taxonomy (data/localizations/categories/<lang>.yml). */
function taxonomy(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taxonomy-"))
  fs.mkdirSync(path.join(dir, "categories"))
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, "categories", name), body)
  return dir
}
const yml = (lang: string, entries: Record<string, string>) =>
  `---\n${lang}:\n  categories:\n` + Object.entries(entries).map(([id, name]) => `    ${id}:\n      name: ${name}\n      context: x\n`).join("")

describe("build-search-vocabulary", () => {
  const dir = taxonomy({
    "en.yml": yml("en", { "aa-1": "Coats & Jackets", "aa-2": "Jeans" }),
    "es.yml": yml("es", { "aa-1": "Chaquetas y abrigos", "aa-2": "" }),
    "pt-BR.yml": yml("pt-BR", { "aa-1": '"Casacos, jaquetas"', "aa-2": "Calças jeans" }),
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("turns each category id into one concept, its names split into phrases, untranslated names left empty", () => {
    const { concepts, source } = buildVocabulary(dir, { concepts: [] }, ["aa-1", "aa-2"])
    expect(source).toMatchObject({ licence: "MIT", url: "https://github.com/Shopify/product-taxonomy" })
    expect(concepts).toEqual([
      { id: "zzcoats", kind: "product", from: ["shopify:aa-1"], es: ["Chaquetas", "abrigos"], pt: ["Casacos", "jaquetas"], en: ["Coats", "Jackets"] },
      { id: "zzjeans", kind: "product", from: ["shopify:aa-2"], es: [], pt: ["Calças jeans"], en: ["Jeans"] },
    ])
  })

  it("merges hand-written concepts sharing a phrase (plural or not) with the taxonomy's, named by the hand-written word", () => {
    const supplement = {
      concepts: [
        { kind: "product", es: ["vaqueros"], pt: ["jeans"], en: ["jeans"] },
        { kind: "material", es: ["denim"], pt: ["jeans"], en: ["denim"] },
        { kind: "product", es: ["chaqueta"], pt: ["jaqueta"], en: ["jacket"] },
      ],
    }
    const { concepts } = buildVocabulary(dir, supplement, ["aa-1", "aa-2"])
    const byId = Object.fromEntries(concepts.map((c: any) => [c.id, c]))
    expect(byId.zzjeans).toMatchObject({ from: ["shopify:aa-2", "hand"], es: ["vaqueros"], pt: ["Calças jeans", "jeans"] })
    // Same phrase, different kind: a material stays apart from the garment.
    expect(byId.zzdenim).toMatchObject({ kind: "material", from: ["hand"] })
    expect(byId.zzjacket).toMatchObject({ from: ["shopify:aa-1", "hand"], es: ["Chaquetas", "abrigos", "chaqueta"] })
  })

  it("refuses a category without an English name", () => {
    expect(() => buildVocabulary(dir, { concepts: [] }, ["aa-9"])).toThrow("category aa-9 has no English name")
  })
})
