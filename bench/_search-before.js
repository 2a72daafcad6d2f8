// The discovery search as it was before the vocabulary and ranking change
// (commit BEFORE_COMMIT), rebuilt from git at run time so the benchmark can
// time it beside today's search in the same run on the same index: the
// machine is shared and noisy, so a latency ratio is only fair when both sides
// run interleaved. Its index terms differ slightly (product nouns kept their
// gender ending since), so it is a timing baseline, not a quality one.
const { execFileSync } = require("node:child_process")
const path = require("node:path")
const ts = require("typescript")

const BEFORE_COMMIT = "d1b0321"
const root = path.resolve(__dirname, "..")

function loadModule(file, modules) {
  const source = execFileSync("git", ["show", `${BEFORE_COMMIT}:${file}`], { cwd: root, encoding: "utf8" })
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
  })
  const module = { exports: {} }
  new Function("require", "module", "exports", outputText)((name) => modules[name] ?? require(name), module, module.exports)
  return module.exports
}

function searchBefore(indexName, whatsappModule) {
  const normalize = loadModule("src/lib/search/normalize.ts", {})
  const rank = loadModule("src/lib/search/rank.ts", { "./normalize": normalize })
  // The steps of that commit's workflows/selling/search-products.ts.
  return async function search(container, searchModule, input) {
    const query = normalize.parseQuery(input.text)
    if (!query.terms.length) return []
    const whatsapp = container.resolve(whatsappModule)
    const hidden = (
      await whatsapp.listWhatsappProductSettings({ $or: [{ searchable: false }, { hidden_in_catalog: true }] }, { select: ["product_id"] })
    ).map((s) => s.product_id)
    const filters = { sales_channel_ids: input.sales_channel_id }
    if (hidden.length) filters.id = { $nin: hidden }
    const queries = [{ q: query.terms.join(" "), typo: true }, ...(query.terms.length > 1 ? query.terms.map((q) => ({ q, typo: false })) : [])]
    const results = await searchModule.searchMany(
      queries.map(({ q, typo }) => ({
        entity: indexName,
        fields: ["id", "title", "handle", "extra", "description", "variants"],
        filters: { ...filters, q },
        pagination: { take: 40 },
        search_options: { match_strategy: "any", typo_tolerance: typo, count: "none" },
      }))
    )
    const candidates = new Map()
    for (const result of results) for (const hit of result.hits) if (!candidates.has(hit.id)) candidates.set(hit.id, { ...hit.document, id: hit.id })
    const ranked = rank.rankCandidates(
      query,
      // The description was one of the `extra` texts then.
      [...candidates.values()].map((c) => ({ id: c.id, title: c.title, extra: [...(c.extra ?? []), c.description ?? ""], variants: c.variants ?? [] }))
    )
    return rank.selectMatches(ranked, input.limit ?? 5)
  }
}

module.exports = { searchBefore, BEFORE_COMMIT }
