#!/usr/bin/env node
"use strict"
// Helper used to write queries.json: picks products from generateCatalog() (20000, seed 42)
// and prints, for each, the smallest sets of its title words that identify it uniquely among
// the products of its language (same rule as check-queries.js). A human then writes the query
// text the way a shopper who saw that product would type it (typos, missing accents, plurals,
// colours/sizes, quantities...), and records the chosen words in `unique_by`.
// This script does NOT write queries.json; the committed queries.json is the dataset.
//
// Usage: node bench/search-data/make-queries.js <es|pt|en> [title-word filter] [count=8] [pick-seed=1]
const { generateCatalog, mulberry32 } = require("./catalog")
const { tokens, buildIndex, productsWithAll } = require("./check-queries")

const STOP = new Set(["de", "con", "com", "y", "e", "a", "para", "en", "em", "do", "da", "the", "and", "to", "in"])

function uniqueSubsets(catalog, index, i, maxSize = 4, limit = 6) {
  const p = catalog[i]
  const words = [...new Set(tokens(p.title))].filter((w) => !STOP.has(w))
  const found = []
  const rec = (start, chosen) => {
    if (chosen.length && found.length < 50) {
      const m = productsWithAll(index, p.language, chosen)
      if (m.size === 1 && m.has(i)) {
        // keep only minimal subsets
        if (!found.some((f) => f.every((w) => chosen.includes(w)))) found.push([...chosen])
        return
      }
    }
    if (chosen.length === maxSize) return
    for (let k = start; k < words.length; k++) rec(k + 1, chosen.concat(words[k]))
  }
  rec(0, [])
  return found.sort((a, b) => a.length - b.length).slice(0, limit)
}

if (require.main === module) {
  const [lang = "es", filter = "", count = "8", pickSeed = "1"] = process.argv.slice(2)
  const catalog = generateCatalog()
  const index = buildIndex(catalog)
  const rng = mulberry32(Number(pickSeed))
  const pool = catalog
    .map((p, i) => i)
    .filter((i) => catalog[i].language === lang && (!filter || tokens(catalog[i].title).join(" ").includes(tokens(filter).join(" "))))
  const shown = new Set()
  let tries = 0
  while (shown.size < Number(count) && tries++ < 5000 && shown.size < pool.length) {
    const i = pool[Math.floor(rng() * pool.length)]
    if (shown.has(i)) continue
    const subsets = uniqueSubsets(catalog, index, i)
    if (!subsets.length) continue
    shown.add(i)
    const p = catalog[i]
    console.log(`${p.handle}\n  title: ${p.title}\n  options: ${p.options.map((o) => `${o.title}=[${o.values.join(", ")}]`).join("  ")}`)
    console.log(`  unique by: ${subsets.map((s) => s.join("+")).join(" | ")}`)
  }
  console.error(`${pool.length} ${lang} products match "${filter}"`)
}

module.exports = { uniqueSubsets }
