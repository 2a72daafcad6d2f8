#!/usr/bin/env node
"use strict"
// Validates queries.json against generateCatalog() default output (20000, seed 42):
//  - expected handle exists and its language matches the query language
//  - expected options are real option titles of the product and one variant has all those values
//  - kinds are known labels
//  - uniqueness: every word in `unique_by` occurs in the expected product's title, and NO other
//    product of the same language contains all of them anywhere in its searchable text
//    (title, description, tags, category, collection, option titles and values)
//  - every `unique_by` word is present in the query text (exactly, with a 1-2 char typo, or as a prefix)
//  - queries-vocabulary.json (checkVocabulary): cross-language/synonym queries name the product's
//    identifying words through `says`; must-find-nothing queries expect null
// Usage: node bench/search-data/check-queries.js   (exit code 1 on any failure)
const fs = require("node:fs")
const path = require("node:path")
const { generateCatalog, stripAccents } = require("./catalog")

const KINDS = new Set(["exact", "typo", "accent", "plural", "variant", "quantity", "size-word", "colloquial", "partial"])

const norm = (s) => stripAccents(String(s)).toLowerCase()
const tokens = (s) => norm(s).split(/[^a-z0-9]+/).filter(Boolean)
// Conservative word equivalence: two words are "the same" when their sets of forms intersect.
// Forms cover plurals (s, es, pt -ais/-ns) and es/pt gender endings (o/a, or/ora), so that
// "esenciales" ~ "esencial", "ligera" ~ "ligero", "iluminadora" ~ "iluminador".
function forms(t) {
  const out = new Set([t])
  if (t.length > 3 && t.endsWith("s")) out.add(t.slice(0, -1))
  if (t.length > 4 && t.endsWith("es")) out.add(t.slice(0, -2))
  if (t.endsWith("ais")) out.add(t.slice(0, -3) + "al")
  if (t.endsWith("ns")) out.add(t.slice(0, -2) + "m")
  for (const f of [...out]) {
    if (f.length > 3 && /[oa]$/.test(f)) out.add(f.slice(0, -1) + (f.endsWith("o") ? "a" : "o"))
    if (f.length > 4 && f.endsWith("ora")) out.add(f.slice(0, -1))
    if (f.length > 3 && f.endsWith("or")) out.add(f + "a")
  }
  return [...out]
}
const sameWord = (a, b) => {
  const fb = new Set(forms(b))
  return forms(a).some((f) => fb.has(f))
}

function productText(p) {
  return [
    p.title,
    p.description,
    p.category,
    p.collection || "",
    ...p.tags,
    ...p.options.map((o) => o.title + " " + o.values.join(" ")),
  ].join(" ")
}

function lev(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  return d[a.length][b.length]
}

// inverted index per language: token -> Set(product index)
function buildIndex(catalog) {
  const idx = { es: new Map(), pt: new Map(), en: new Map() }
  catalog.forEach((p, i) => {
    const m = idx[p.language]
    for (const t of new Set(tokens(productText(p))))
      for (const f of forms(t)) {
        if (!m.has(f)) m.set(f, new Set())
        m.get(f).add(i)
      }
  })
  return idx
}

// indices of products in `lang` whose searchable text contains every word of `words`
function productsWithAll(index, lang, words) {
  const toks = [...new Set(words.flatMap(tokens))]
  let acc = null
  for (const t of toks) {
    const s = new Set(forms(t).flatMap((f) => [...(index[lang].get(f) || [])]))
    acc = acc === null ? new Set(s) : new Set([...acc].filter((x) => s.has(x)))
    if (acc.size === 0) break
  }
  return acc || new Set()
}

function wordInQuery(word, qTokens) {
  return tokens(word).every((u) =>
    qTokens.some((t) => sameWord(t, u) || lev(t, u) <= (u.length >= 5 ? 2 : 1) || (t.length >= 3 && u.startsWith(t)))
  )
}

function check(queries, catalog) {
  const byHandle = new Map(catalog.map((p, i) => [p.handle, i]))
  const index = buildIndex(catalog)
  const errors = []
  const seen = new Set()
  queries.forEach((q, n) => {
    const where = `#${n} "${q.q}"`
    const err = (m) => errors.push(`${where}: ${m}`)
    if (!q.q || typeof q.q !== "string") err("empty q")
    if (seen.has(norm(q.q) + q.language)) err("duplicate query")
    seen.add(norm(q.q) + q.language)
    if (!["es", "pt", "en"].includes(q.language)) err(`bad language ${q.language}`)
    if (!Array.isArray(q.kind) || !q.kind.length || q.kind.some((k) => !KINDS.has(k))) err(`bad kind ${JSON.stringify(q.kind)}`)
    const i = byHandle.get(q.expect && q.expect.handle)
    if (i === undefined) return err(`handle not found: ${q.expect && q.expect.handle}`)
    const p = catalog[i]
    if (p.language !== q.language) err(`language mismatch: query ${q.language}, product ${p.language}`)
    const opts = q.expect.options
    if (opts) {
      for (const k of Object.keys(opts)) if (!p.options.some((o) => o.title === k)) err(`option title "${k}" not on product`)
      if (!p.variants.some((v) => Object.entries(opts).every(([k, val]) => v.options[k] === val)))
        err(`no variant with ${JSON.stringify(opts)}`)
    }
    if ((q.kind || []).includes("variant") && !opts) err("kind variant without expect.options")
    if (!Array.isArray(q.unique_by) || !q.unique_by.length) return err("missing unique_by")
    const titleToks = tokens(p.title)
    for (const w of q.unique_by) if (!tokens(w).every((t) => titleToks.some((x) => sameWord(x, t)))) err(`unique_by word "${w}" not in title "${p.title}"`)
    const qToks = tokens(q.q)
    for (const w of q.unique_by) if (!wordInQuery(w, qToks)) err(`unique_by word "${w}" not present in query text`)
    const matches = productsWithAll(index, q.language, q.unique_by)
    const others = [...matches].filter((x) => x !== i)
    if (!matches.has(i)) err("expected product does not contain its own unique_by words")
    if (others.length)
      err(`ambiguous: ${others.length} other ${q.language} product(s) contain ${JSON.stringify(q.unique_by)}, e.g. "${catalog[others[0]].title}"`)
  })
  return errors
}

function summary(queries) {
  const byLang = {}
  const byKind = {}
  const byLangKind = {}
  for (const q of queries) {
    byLang[q.language] = (byLang[q.language] || 0) + 1
    for (const k of q.kind) {
      byKind[k] = (byKind[k] || 0) + 1
      byLangKind[q.language] = byLangKind[q.language] || {}
      byLangKind[q.language][k] = (byLangKind[q.language][k] || 0) + 1
    }
  }
  const n = queries.length
  const share = (f) => `${queries.filter(f).length} (${Math.round((100 * queries.filter(f).length) / n)}%)`
  return {
    total: n,
    byLanguage: byLang,
    byKind,
    byLanguageAndKind: byLangKind,
    typo: share((q) => q.kind.includes("typo")),
    withOptions: share((q) => !!q.expect.options),
    quantityOrSizeWord: share((q) => q.kind.includes("quantity") || q.kind.includes("size-word")),
  }
}

// queries-vocabulary.json: cross-language, synonym and must-find-nothing queries.
const VOCABULARY_KINDS = new Set(["cross-language", "synonym", "typo", "variant", "nothing"])
const NOTHING_KINDS = new Set(["greeting", "thanks", "shipping", "returns", "order-status", "payment", "hours", "chit-chat"])

// Each product query names the product's identifying title words (`unique_by`, in the product's
// language): either the word itself is in the query (exactly, with a typo, or as a prefix) or
// `says` gives the query word the writer used for it in another language or as a synonym.
function checkVocabulary(queries, catalog) {
  const byHandle = new Map(catalog.map((p, i) => [p.handle, i]))
  const index = buildIndex(catalog)
  const errors = []
  const seen = new Set()
  queries.forEach((q, n) => {
    const where = `vocabulary #${n} "${q.q}"`
    const err = (m) => errors.push(`${where}: ${m}`)
    if (!q.q || typeof q.q !== "string") return err("empty q")
    if (seen.has(norm(q.q) + q.channel)) err("duplicate query")
    seen.add(norm(q.q) + q.channel)
    if (!["es", "pt", "en"].includes(q.language)) err(`bad language ${q.language}`)
    if (!["es", "pt", "en"].includes(q.channel)) err(`bad channel ${q.channel}`)
    if (!Array.isArray(q.kind) || !q.kind.length) return err("missing kind")
    if (q.kind.includes("nothing")) {
      if (q.expect !== null) err("a must-find-nothing query expects null")
      if (q.kind.length !== 2 || !NOTHING_KINDS.has(q.kind[1])) err(`nothing needs one of ${[...NOTHING_KINDS]}`)
      if (q.channel !== q.language) err("a must-find-nothing query searches its own language's channel")
      return
    }
    if (q.kind.some((k) => !VOCABULARY_KINDS.has(k))) err(`bad kind ${JSON.stringify(q.kind)}`)
    if (q.kind.includes("cross-language") === (q.language === q.channel)) err("cross-language exactly when the query's language is not the channel's")
    if (q.kind.includes("synonym") && q.language !== q.channel) err("a synonym query is in the channel's language")
    const i = byHandle.get(q.expect && q.expect.handle)
    if (i === undefined) return err(`handle not found: ${q.expect && q.expect.handle}`)
    const p = catalog[i]
    if (p.language !== q.channel) err(`channel mismatch: query channel ${q.channel}, product ${p.language}`)
    const opts = q.expect.options
    if (opts) {
      for (const k of Object.keys(opts)) if (!p.options.some((o) => o.title === k)) err(`option title "${k}" not on product`)
      if (!p.variants.some((v) => Object.entries(opts).every(([k, val]) => v.options[k] === val))) err(`no variant with ${JSON.stringify(opts)}`)
    }
    if (q.kind.includes("variant") !== !!opts) err("kind variant exactly when expect.options is given")
    if (!Array.isArray(q.unique_by) || !q.unique_by.length) return err("missing unique_by")
    const titleToks = tokens(p.title)
    const qToks = tokens(q.q)
    const says = q.says || {}
    for (const w of Object.keys(says)) if (!q.unique_by.includes(w)) err(`says names "${w}", not a unique_by word`)
    for (const w of q.unique_by) {
      if (!tokens(w).every((t) => titleToks.some((x) => sameWord(x, t)))) err(`unique_by word "${w}" not in title "${p.title}"`)
      const said = says[w]
      if (said ? !wordInQuery(said, qToks) : !wordInQuery(w, qToks)) err(`"${said || w}" (for "${w}") not present in query text`)
    }
    const matches = productsWithAll(index, q.channel, q.unique_by)
    const others = [...matches].filter((x) => x !== i)
    if (!matches.has(i)) err("expected product does not contain its own unique_by words")
    if (others.length) err(`ambiguous: ${others.length} other ${q.channel} product(s) contain ${JSON.stringify(q.unique_by)}, e.g. "${catalog[others[0]].title}"`)
  })
  return errors
}

module.exports = { tokens, forms, sameWord, productText, buildIndex, productsWithAll, lev, check, checkVocabulary }

if (require.main === module) {
  const queries = JSON.parse(fs.readFileSync(path.join(__dirname, "queries.json"), "utf8"))
  const catalog = generateCatalog()
  const vocabularyQueries = JSON.parse(fs.readFileSync(path.join(__dirname, "queries-vocabulary.json"), "utf8"))
  const errors = [...check(queries, catalog), ...checkVocabulary(vocabularyQueries, catalog)]
  console.log(JSON.stringify(summary(queries), null, 2))
  const count = (f) => vocabularyQueries.filter(f).length
  console.log(JSON.stringify({
    vocabulary_queries: vocabularyQueries.length,
    cross_language: count((q) => q.kind.includes("cross-language")),
    synonym: count((q) => q.kind.includes("synonym")),
    typo: count((q) => q.kind.includes("typo")),
    variant: count((q) => q.kind.includes("variant")),
    nothing: count((q) => q.kind.includes("nothing")),
    nothing_by_language: Object.fromEntries(["es", "pt", "en"].map((l) => [l, count((q) => q.kind.includes("nothing") && q.language === l)])),
  }, null, 2))
  if (errors.length) {
    console.error(`\n${errors.length} problem(s):\n` + errors.join("\n"))
    process.exit(1)
  }
  console.log(`OK: ${queries.length} + ${vocabularyQueries.length} queries valid against generateCatalog() (${catalog.length} products)`)
}
