#!/usr/bin/env node
// Builds src/lib/search/vocabulary.json, the es/pt/en product vocabulary that
// discovery search uses on both sides (index terms and parsed queries).
//
// Source 1: Shopify's Standard Product Taxonomy (https://github.com/Shopify/product-taxonomy,
// MIT licence), data/localizations/categories/{en,es,pt-BR}.yml. Categories with the same
// id are the same thing in every language, so each selected id becomes one concept.
// Source 2: src/lib/search/vocabulary-supplement.json, hand-written (colloquial words,
// colours, materials, attributes the taxonomy lacks or leaves untranslated).
// Concepts of the same kind that share a phrase in one language are merged.
//
// Usage: node scripts/build-search-vocabulary.js [taxonomy-dir]
//   taxonomy-dir holds categories/en.yml, categories/es.yml, categories/pt-BR.yml: the full
//   files from the repository, or excerpts with the same structure (default:
//   scripts/search-vocabulary-sources/shopify-product-taxonomy, committed with its NOTICE). See docs/search.md.
"use strict"
const fs = require("node:fs")
const path = require("node:path")

const root = path.resolve(__dirname, "..")
const out = path.join(root, "src/lib/search/vocabulary.json")

const SOURCE = {
  name: "Shopify Standard Product Taxonomy",
  url: "https://github.com/Shopify/product-taxonomy",
  licence: "MIT",
  files: {
    en: { path: "data/localizations/categories/en.yml", commit: "019e7b6d255324a0c1052a7d5ade28c4b1f63d61" },
    es: { path: "data/localizations/categories/es.yml", commit: "0a574e693aaafadffdb4b09666969bb42f065fea" },
    pt: { path: "data/localizations/categories/pt-BR.yml", commit: "039d70da4deda62cdb5f365abe85c2c87bc27c29" },
  },
}

// Apparel categories a shop selling through WhatsApp commonly has. Broad parents
// ("Clothing") are left out: they would make every garment match every other.
const CATEGORY_IDS = [
  "aa-1-1-1-6", "aa-1-1-6", "aa-1-4", "aa-1-10-2", "aa-1-10-2-2", "aa-1-10-2-9", "aa-1-10-2-10", "aa-1-12",
  "aa-1-12-2", "aa-1-12-3", "aa-1-12-4", "aa-1-12-7", "aa-1-12-8", "aa-1-13-1", "aa-1-13-3", "aa-1-13-6",
  "aa-1-13-7", "aa-1-13-8", "aa-1-13-9", "aa-1-13-12", "aa-1-13-13", "aa-1-13-14", "aa-1-14", "aa-1-14-4",
  "aa-1-15", "aa-1-17-4", "aa-1-17-5", "aa-1-18", "aa-1-18-1", "aa-1-18-2", "aa-1-18-3", "aa-1-18-8",
  "aa-1-20", "aa-2-6", "aa-2-13", "aa-2-17", "aa-2-17-1", "aa-2-17-2", "aa-2-17-3", "aa-2-17-10",
]
const FILES = { en: "en.yml", es: "es.yml", pt: "pt-BR.yml" }
// Names list several things ("Coats & Jackets", "Guantes y mitones"): each part is a phrase.
const SEPARATORS = { en: /\s*(?:&|,)\s*/, es: /\s*(?:,|\by\b)\s*/, pt: /\s*(?:,|\be\b)\s*/ }

const key = (s) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()

// The localization files are flat: "    <id>:" then "      name: <text>" (quoted when it has a comma).
// Read line by line, so the script needs no YAML package.
function readCategories(taxonomyDir, lang) {
  const file = path.join(taxonomyDir, "categories", FILES[lang])
  const names = {}
  let id = null
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const key = /^ {4}([a-z0-9-]+):\s*$/.exec(line)
    if (key) id = key[1]
    const name = /^ {6}name:\s*(.*)$/.exec(line)
    if (name && id) names[id] = { name: name[1].trim().replace(/^"(.*)"$/, "$1") }
  }
  return names
}

function fromTaxonomy(taxonomyDir, ids) {
  const names = Object.fromEntries(Object.keys(FILES).map((lang) => [lang, readCategories(taxonomyDir, lang)]))
  return ids.map((id) => {
    const concept = { kind: "product", from: [`shopify:${id}`] }
    for (const lang of Object.keys(FILES)) {
      const name = names[lang][id]?.name
      concept[lang] = name ? name.split(SEPARATORS[lang]).map((s) => s.trim()).filter(Boolean) : []
    }
    if (!concept.en.length) throw new Error(`category ${id} has no English name in ${taxonomyDir}`)
    return concept
  })
}

// Plural-insensitive, so "Vestidos" (taxonomy) and "vestido" (supplement) meet.
const singular = (phrase) => key(phrase).split(" ").map((w) => (w.length > 3 ? w.replace(/(?<!s)s$/, "") : w)).join(" ")

/** Union of concepts of one kind sharing a phrase in the same language. */
function merge(concepts) {
  const parent = concepts.map((_, i) => i)
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const seen = new Map()
  concepts.forEach((c, i) => {
    for (const lang of ["es", "pt", "en"]) {
      for (const phrase of c[lang]) {
        const k = `${c.kind}|${lang}|${singular(phrase)}`
        if (seen.has(k)) parent[find(i)] = find(seen.get(k))
        else seen.set(k, i)
      }
    }
  })
  const groups = new Map()
  concepts.forEach((c, i) => {
    const g = find(i)
    if (!groups.has(g)) groups.set(g, [])
    groups.get(g).push(c)
  })
  const ids = new Set()
  return [...groups.values()].map((members) => {
    // Hand-written members name the concept: their first English word is the everyday one.
    const named = members.find((m) => m.from.includes("hand")) ?? members[0]
    let id = `zz${key(named.en[0]).replace(/[^a-z0-9]/g, "")}`
    while (ids.has(id)) id += "x"
    ids.add(id)
    const union = (lang) => [...new Map(members.flatMap((m) => m[lang]).map((p) => [key(p), p])).values()]
    return { id, kind: named.kind, from: [...new Set(members.flatMap((m) => m.from))], es: union("es"), pt: union("pt"), en: union("en") }
  })
}

/** The vocabulary file's content from the taxonomy files in `taxonomyDir` and the hand-written supplement. */
function buildVocabulary(taxonomyDir, supplement, ids = CATEGORY_IDS) {
  const concepts = merge([...fromTaxonomy(taxonomyDir, ids), ...supplement.concepts.map((c) => ({ ...c, from: ["hand"] }))])
  return {
    about: "Generated by scripts/build-search-vocabulary.js; do not edit. Concepts from the taxonomy list their category ids in `from`; `hand` marks words from vocabulary-supplement.json.",
    source: SOURCE,
    supplement: "src/lib/search/vocabulary-supplement.json (hand-written)",
    concepts,
  }
}

module.exports = { buildVocabulary, readCategories }

if (require.main === module) {
  const taxonomyDir = path.resolve(process.argv[2] || path.join(__dirname, "search-vocabulary-sources/shopify-product-taxonomy"))
  const result = buildVocabulary(taxonomyDir, require(path.join(root, "src/lib/search/vocabulary-supplement.json")))
  fs.writeFileSync(out, JSON.stringify(result, null, 0).replace(/\{"id"/g, '\n{"id"') + "\n")
  const fromTaxonomyCount = result.concepts.filter((c) => c.from.some((f) => f.startsWith("shopify:"))).length
  console.log(`${result.concepts.length} concepts (${fromTaxonomyCount} with taxonomy categories) → ${path.relative(root, out)}`)
}
