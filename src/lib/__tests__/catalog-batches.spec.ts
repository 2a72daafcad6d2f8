import { NO_SAMPLE_DETAIL, outcomesOfFinishedBatch, outcomesOfTerminalBatch, outcomesOfUningestedBatch } from "../catalog/batch-outcomes"
import type { BatchRequest } from "../catalog/plan-sync"
import { pushCatalogBatches } from "../catalog/push-batches"
import { GraphApiClient } from "../graph-api/client"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../../../sandbox/graph-api")

const request = (id: string): BatchRequest => ({ method: "UPDATE", data: { id } as any })
const chunk = ["retailer-1", "retailer-2", "retailer-3", "retailer-4"].map(request)
const states = (outcomes: Map<string, { state: string }>) => Object.fromEntries([...outcomes].map(([id, o]) => [id, o.state]))

describe("batch outcomes", () => {
  // Meta's sample status, from "Check Batch Request Status"
  // (https://developers.facebook.com/docs/marketing-api/catalog-batch/guides/get-batch-request/).
  const metaSample = {
    handle: "AczwaOW7j_EuQ5peV3kGq8X9qc7cDiv",
    status: "finished",
    errors_total_count: 1,
    errors: [{ line: 0, id: "retailer-4", message: 'Invalid value: Value passed at position 0 (id=retailer-199) is invalid: "You cannot create a EntProductItem without required field Availability"' }],
    warnings: [],
    ids_of_invalid_requests: [],
  }

  it("reads Meta's own sample: the error's id names the refused item", () => {
    const { outcomes, report } = outcomesOfFinishedBatch(chunk, metaSample)
    expect(states(outcomes)).toEqual({ "retailer-1": "synced", "retailer-2": "synced", "retailer-3": "synced", "retailer-4": "invalid" })
    expect(outcomes.get("retailer-4")!.errors[0]).toContain("without required field Availability")
    expect(report).toMatchObject({ status: "finished", errors_total_count: 1, synced: 3, invalid: 1, pending: 0 })
  })

  it("marks invalid every id Meta lists, with a reason when the sample has none, and only the rest synced", () => {
    const status = { ...metaSample, errors_total_count: 3, errors: [{ line: 1, message: "image_link could not be fetched" }], ids_of_invalid_requests: ["retailer-2", "retailer-3", "retailer-4"] }
    const { outcomes } = outcomesOfFinishedBatch(chunk, status)
    expect(states(outcomes)).toEqual({ "retailer-1": "synced", "retailer-2": "invalid", "retailer-3": "invalid", "retailer-4": "invalid" })
    expect(outcomes.get("retailer-2")!.errors).toEqual(["image_link could not be fetched"])
    expect(outcomes.get("retailer-3")!.errors).toEqual([NO_SAMPLE_DETAIL])
  })

  it("never calls an item good when Meta counted more errors than it sampled and listed no ids", () => {
    const status = { ...metaSample, errors_total_count: 2, ids_of_invalid_requests: [] }
    const { outcomes } = outcomesOfFinishedBatch(chunk, status)
    expect(states(outcomes)).toEqual({ "retailer-1": "pending", "retailer-2": "pending", "retailer-3": "pending", "retailer-4": "invalid" })
  })

  it("keeps Meta's warnings on the items they concern", () => {
    const status = { ...metaSample, errors_total_count: 0, errors: [], warnings: [{ line: 2, message: "google_product_category is recommended" }], warnings_total_count: 7 }
    const { outcomes, report } = outcomesOfFinishedBatch(chunk, status)
    expect(outcomes.get("retailer-3")).toEqual({ state: "synced", errors: [], warnings: ["google_product_category is recommended"] })
    expect(report.warnings_total_count).toBe(7)
  })

  it("leaves every item of a canceled or errored batch pending, saying why", () => {
    for (const name of ["canceled", "error"]) {
      const { outcomes, report } = outcomesOfTerminalBatch(chunk, { ...metaSample, status: name })
      expect(new Set(Object.values(states(outcomes)))).toEqual(new Set(["pending"]))
      expect(report.note).toBe(`batch ${name} at Meta; sent again next run`)
    }
  })

  it("reads validation_status of a batch Meta did not ingest: the named items invalid, the others pending", () => {
    // The items_batch return type (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/).
    const answer = { handles: [], validation_status: [{ retailer_id: "retailer-2", errors: [{ message: "price is not a valid price" }], warnings: [] }] }
    const { outcomes, report } = outcomesOfUningestedBatch(chunk, answer)
    expect(states(outcomes)).toEqual({ "retailer-1": "pending", "retailer-2": "invalid", "retailer-3": "pending", "retailer-4": "pending" })
    expect(outcomes.get("retailer-2")!.errors).toEqual(["price is not a valid price"])
    expect(report).toMatchObject({ handle: null, status: "not_ingested", invalid: 1, pending: 3 })
  })
})

describe("pushCatalogBatches against the sandbox", () => {
  const account = { waba_id: "310000000000001", phone_number_id: "310000000000002", access_token: "push-token", catalog_id: "310000000000003" }
  const sandbox = createSandbox({ accounts: [account], sendStatuses: false, pollsBeforeFinished: 3 })
  let client: GraphApiClient
  let waits: number[]
  const sleep = async (ms: number) => {
    waits.push(ms)
  }
  const full = (id: string): BatchRequest => ({
    method: "UPDATE",
    data: { id, title: id, description: "d", availability: "in stock", condition: "new", price: "1.00 EUR", link: "https://s/p", image_link: "https://s/i.png", brand: "B", item_group_id: "g" },
  })
  const push = (chunks: BatchRequest[][], maxPolls = 20) => pushCatalogBatches(client, account.catalog_id, chunks, { sleep, maxPolls, firstPollDelayMs: 100, maxPollDelayMs: 1_000 })

  beforeAll(async () => {
    client = new GraphApiClient({ baseUrl: await sandbox.listen(0), version: "v21.0", accessToken: account.access_token })
  })
  beforeEach(() => {
    waits = []
    sandbox.state.faults = { ...sandbox.state.faults, catalog80009: 0, catalogBatchEnds: [], catalogItemErrors: {}, catalogIntakeErrors: {}, catalogErrorSample: 1 }
  })
  afterAll(() => sandbox.close())

  it("polls through scheduled, dispatched and started with growing waits, and trusts only the finished status", async () => {
    sandbox.state.faults.catalogItemErrors = { b: "image_link could not be fetched", c: "image_link could not be fetched", d: "image too small" }
    const result = await push([["a", "b", "c", "d", "e"].map(full)])
    expect(states(result.outcomes)).toEqual({ a: "synced", b: "invalid", c: "invalid", d: "invalid", e: "synced" })
    expect(result.polls).toBe(4)
    expect(waits).toEqual([100, 200, 400, 800])
    expect(result.batches[0]).toMatchObject({ status: "finished", errors_total_count: 3, invalid: 3, synced: 2 })
  })

  it("waits and polls again after 80009, without counting it as an answer", async () => {
    sandbox.state.faults.catalog80009 = 2
    const result = await push([[full("a")]])
    expect(states(result.outcomes)).toEqual({ a: "synced" })
    expect(result.polls).toBe(6)
    expect(result.pausedMs).toBe(1_000 + 2_000)
  })

  it("leaves items pending when the batch has not finished after the allowed polls", async () => {
    const result = await push([[full("a")]], 2)
    expect(states(result.outcomes)).toEqual({ a: "pending" })
    expect(result.batches[0]).toMatchObject({ status: "dispatched", note: "batch still dispatched after 2 status checks; sent again next run" })
  })

  it("pauses before the next call when X-Business-Use-Case-Usage says the catalog is near its limit", async () => {
    // 191 of the sandbox catalog's 200 hourly batch calls: the header reports 96%.
    sandbox.state.catalogs.get(account.catalog_id).callsThisHour = 190
    const result = await push([[full("a")]])
    expect(states(result.outcomes)).toEqual({ a: "synced" })
    expect(waits[0]).toBe(2_000)
    expect(result.pausedMs).toBeGreaterThanOrEqual(2_000)
    sandbox.state.catalogs.get(account.catalog_id).callsThisHour = 0
  })

  it("turns empty handles into invalid and pending items instead of failing", async () => {
    sandbox.state.faults.catalogIntakeErrors = { b: "price is not a valid price" }
    const result = await push([[full("a"), full("b")], [full("c")]])
    expect(states(result.outcomes)).toEqual({ a: "pending", b: "invalid", c: "synced" })
    expect(result.batches.map((b) => b.status)).toEqual(["not_ingested", "finished"])
  })
})
