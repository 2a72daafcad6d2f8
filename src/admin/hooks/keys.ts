/**
 * Query keys of every WhatsApp admin query, built here only, so an
 * invalidation names exactly what it refreshes: `whatsappKeys.catalog.all`
 * refreshes every catalog query, `whatsappKeys.conversations.detail(id)` one
 * conversation. Medusa's own resources (products, regions…) read by the
 * plugin's screens live under `whatsappKeys.medusa`.
 */
const ROOT = ["whatsapp"] as const

const resource = <Name extends string>(name: Name) => {
  const all = [...ROOT, name] as const
  return {
    all,
    lists: () => [...all, "list"] as const,
    list: (params: object = {}) => [...all, "list", params] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: string) => [...all, "detail", id] as const,
  }
}

export const whatsappKeys = {
  all: ROOT,
  setup: () => [...ROOT, "setup"] as const,
  onboarding: () => [...ROOT, "onboarding"] as const,
  accounts: {
    ...resource("accounts"),
    health: (id: string) => [...ROOT, "accounts", "health", id] as const,
    templates: (id: string) => [...ROOT, "accounts", "templates", id] as const,
    metaCatalogs: (id: string) => [...ROOT, "accounts", "meta-catalogs", id] as const,
    metaStatus: (id: string) => [...ROOT, "accounts", "meta-status", id] as const,
    faq: (id: string) => [...ROOT, "accounts", "faq", id] as const,
  },
  conversations: {
    ...resource("conversations"),
    messages: (id: string, params: object = {}) => [...ROOT, "conversations", "messages", id, params] as const,
    notes: (id: string) => [...ROOT, "conversations", "notes", id] as const,
    /** The changed-since poll beside one list (same params as the list). */
    changes: (params: object) => [...ROOT, "conversations", "changes", params] as const,
  },
  cannedReplies: resource("canned-replies"),
  carts: resource("carts"),
  catalog: {
    ...resource("catalog"),
    items: (params: object = {}) => [...ROOT, "catalog", "items", params] as const,
    itemLists: () => [...ROOT, "catalog", "items"] as const,
    counts: (catalogId?: string) => [...ROOT, "catalog", "counts", catalogId ?? "all"] as const,
    allCounts: () => [...ROOT, "catalog", "counts"] as const,
    run: (id: string) => [...ROOT, "catalog", "runs", id] as const,
    /** The run last started from this browser, per account (kept in localStorage). */
    lastRunId: (accountId: string) => [...ROOT, "catalog", "last-run-id", accountId] as const,
  },
  productSettings: resource("product-settings"),
  searchSynonyms: resource("search-synonyms"),
  searchTryOut: (q: string) => [...ROOT, "search", "try-out", q] as const,
  stats: resource("stats"),
  automations: {
    ...resource("automations"),
    runs: (id: string, params: object = {}) => [...ROOT, "automations", "runs", id, params] as const,
  },
  medusa: {
    products: (params: object) => [...ROOT, "medusa", "products", params] as const,
    product: (id: string, params: object = {}) => [...ROOT, "medusa", "product", id, params] as const,
    regions: () => [...ROOT, "medusa", "regions"] as const,
    salesChannels: () => [...ROOT, "medusa", "sales-channels"] as const,
    groups: (kind: string, q: string) => [...ROOT, "medusa", kind, q] as const,
    customerGroups: (params: object) => [...ROOT, "medusa", "customer-groups", params] as const,
    users: (params: object = {}) => [...ROOT, "medusa", "users", params] as const,
    me: () => [...ROOT, "medusa", "me"] as const,
  },
}
