import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

/** The catalog fake must run batches the way Meta documents them, awkward states included. */
describe("sandbox Catalog Batch API", () => {
  const account = { waba_id: "300000000000011", phone_number_id: "300000000000012", access_token: "catalog-token", catalog_id: "300000000000013" }
  let clock = Date.UTC(2026, 0, 15, 10, 0, 0)
  const sandbox = createSandbox({ accounts: [account], sendStatuses: false, now: () => clock, pollsBeforeFinished: 3 })
  let client: GraphApiClient
  let url: string
  const catalogId = account.catalog_id
  const item = (id: string, extra: Record<string, unknown> = {}) => ({
    method: "UPDATE",
    data: { id, title: `T ${id}`, description: "d", availability: "in stock", condition: "new", price: "10.00 EUR", link: "https://s/p", image_link: "https://s/i.png", brand: "B", ...extra },
  })
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: GraphApiError) => e)
  const statusOf = async (handle: string, loadIds = true) => {
    const query = loadIds ? { handle, load_ids_of_invalid_requests: true } : { handle }
    return (await client.request<{ data: any[] }>("GET", `${catalogId}/check_batch_request_status`, { query })).data[0]
  }

  beforeAll(async () => {
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: account.access_token })
  })
  beforeEach(async () => {
    clock += 60_000
    await fetch(`${url}/__sandbox/reset`, { method: "POST" })
  })
  afterAll(() => sandbox.close())

  it("walks a batch through scheduled, dispatched and started to finished, one step per poll, and applies it only then", async () => {
    const { handles, validation_status } = await client.itemsBatch(catalogId, [item("a"), item("b")])
    expect(handles).toHaveLength(1)
    expect(validation_status).toEqual([])
    const seen = []
    for (let i = 0; i < 4; i++) seen.push((await statusOf(handles[0])).status)
    expect(seen).toEqual(["scheduled", "dispatched", "started", "finished"])
    expect([...sandbox.state.catalogs.get(catalogId).items.keys()]).toEqual(["a", "b"])
  })

  it("shows a sample of the errors with the total, and the invalid ids only when asked for", async () => {
    sandbox.state.faults.catalogItemErrors = { b: "image_link could not be fetched", c: "image_link could not be fetched" }
    sandbox.state.faults.catalogItemWarnings = { a: "google_product_category is recommended" }
    const { handles } = await client.itemsBatch(catalogId, [item("a"), item("b"), item("c"), item("d", { price: "ten euros" })])
    for (let i = 0; i < 3; i++) await statusOf(handles[0])
    const finished = await statusOf(handles[0])
    expect(finished).toMatchObject({ status: "finished", errors_total_count: 3, warnings_total_count: 1 })
    expect(finished.errors).toHaveLength(1)
    expect(finished.ids_of_invalid_requests.sort()).toEqual(["b", "c", "d"])
    expect((await statusOf(handles[0], false)).ids_of_invalid_requests).toEqual([])
    expect([...sandbox.state.catalogs.get(catalogId).items.keys()]).toEqual(["a"])
  })

  it("refuses a batch at intake with validation_status and empty handles: nothing is ingested", async () => {
    const answer = await client.itemsBatch(catalogId, [item("a"), item("b", { visibility_mode: "x" })])
    expect(answer.handles).toEqual([])
    expect(answer.validation_status).toEqual([{ retailer_id: "b", errors: [{ message: '"visibility_mode" is not a supported field for PRODUCT_ITEM' }], warnings: [] }])
    expect(sandbox.state.catalogs.get(catalogId).items.size).toBe(0)
  })

  it("answers 80009 to throttled polls, forced or faster than the catalog's interval", async () => {
    const { handles } = await client.itemsBatch(catalogId, [item("a")])
    sandbox.state.faults.catalog80009 = 1
    expect(await refusal(statusOf(handles[0]))).toMatchObject({ status: 400, code: "80009" })
    expect((await statusOf(handles[0])).status).toBe("scheduled")

    sandbox.state.catalogs.get(catalogId).minPollIntervalMs = 5_000
    clock += 1_000
    expect(await refusal(statusOf(handles[0]))).toMatchObject({ code: "80009" })
    clock += 6_000
    expect((await statusOf(handles[0])).status).toBe("dispatched")
  })

  it("ends batches canceled (nothing applied) or in error (only some applied) when told to", async () => {
    sandbox.state.faults.catalogBatchEnds = ["canceled", "error"]
    const canceled = (await client.itemsBatch(catalogId, [item("a"), item("b")])).handles[0]
    const errored = (await client.itemsBatch(catalogId, [item("c"), item("d")])).handles[0]
    for (let i = 0; i < 3; i++) await Promise.all([statusOf(canceled), statusOf(errored)])
    expect((await statusOf(canceled)).status).toBe("canceled")
    expect((await statusOf(errored)).status).toBe("error")
    expect([...sandbox.state.catalogs.get(catalogId).items.keys()]).toEqual(["c"])
  })

  it("upserts on UPDATE unless allow_upsert is false, and checks enums against Meta's", async () => {
    const { handles } = await client.request<{ handles: string[] }>("POST", `${catalogId}/items_batch`, {
      body: { item_type: "PRODUCT_ITEM", allow_upsert: false, requests: [item("new"), item("bad", { visibility: "hidden" })] },
    })
    for (let i = 0; i < 3; i++) await statusOf(handles[0])
    const status = await statusOf(handles[0])
    expect(status.ids_of_invalid_requests.sort()).toEqual(["bad", "new"])
    expect(status.errors_total_count).toBe(2)
    const staged = await client.itemsBatch(catalogId, [item("ok", { visibility: "staging" })])
    for (let i = 0; i < 4; i++) await statusOf(staged.handles[0])
    expect(sandbox.state.catalogs.get(catalogId).items.get("ok")).toMatchObject({ visibility: "staging" })
  })

  it("answers code 100 to unknown parameters and unknown handles", async () => {
    const unknownParam = await refusal(client.request("POST", `${catalogId}/items_batch`, { body: { item_type: "PRODUCT_ITEM", requests: [item("a")], upsert: true } }))
    expect(unknownParam).toMatchObject({ status: 400, code: "100" })
    expect(await refusal(client.request("GET", `${catalogId}/check_batch_request_status`, { query: { handle: "nope" } }))).toMatchObject({ code: "100" })
    const { handles } = await client.itemsBatch(catalogId, [item("a")])
    expect(await refusal(client.request("GET", `${catalogId}/check_batch_request_status`, { query: { handle: handles[0], verbose: 1 } }))).toMatchObject({ code: "100" })
  })
})
