import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DEFAULT_BUSINESS_ID } = require("../business")

/** The business side of onboarding as Meta documents it: catalogs, the WABA's one catalog, verification and review statuses. */
describe("sandbox business portfolio", () => {
  const account = { waba_id: "300000000000021", phone_number_id: "300000000000022", access_token: "business-token" }
  const sandbox = createSandbox({ accounts: [account], sendStatuses: false })
  let client: GraphApiClient
  let url: string
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: GraphApiError) => e)
  const post = (path: string, body: unknown) =>
    fetch(`${url}/__sandbox/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

  beforeAll(async () => {
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: account.access_token })
  })
  beforeEach(async () => {
    sandbox.state.accounts.get(account.phone_number_id).catalog_id = null
    await fetch(`${url}/__sandbox/reset`, { method: "POST" })
  })
  afterAll(() => sandbox.close())

  it("finds the WABA's business, lists and creates its catalogs with their vertical", async () => {
    const waba = await client.getWabaBusiness(account.waba_id)
    expect(waba).toEqual({ id: account.waba_id, name: expect.any(String), owner_business_info: { id: DEFAULT_BUSINESS_ID, name: "Sandbox Business" }, business_verification_status: "not_verified" })
    expect((await client.listBusinessCatalogs(DEFAULT_BUSINESS_ID)).data).toEqual([])
    const { id } = await client.createBusinessCatalog(DEFAULT_BUSINESS_ID, "Tienda")
    expect(id).toMatch(/^\d{15}$/)
    expect((await client.listBusinessCatalogs(DEFAULT_BUSINESS_ID)).data).toEqual([{ id, name: "Tienda", vertical: "commerce", product_count: 0 }])
    const unnamed = await refusal(client.createBusinessCatalog(DEFAULT_BUSINESS_ID, " "))
    expect(unnamed).toMatchObject({ code: "100" })
  })

  it("connects one catalog per WABA: a second one is refused until the first is disconnected", async () => {
    const first = (await client.createBusinessCatalog(DEFAULT_BUSINESS_ID, "Uno")).id
    const second = (await client.createBusinessCatalog(DEFAULT_BUSINESS_ID, "Dos")).id
    expect((await client.getWabaCatalogs(account.waba_id)).data).toEqual([])
    expect(await client.connectWabaCatalog(account.waba_id, first)).toEqual({ success: true })
    expect((await client.getWabaCatalogs(account.waba_id)).data.map((c) => c.id)).toEqual([first])
    const refused = await refusal(client.connectWabaCatalog(account.waba_id, second))
    expect(refused).toMatchObject({ code: "100", details: expect.stringContaining(`already connected to catalog ${first}`) })
    // The connected catalog's items are reachable with the WABA's token.
    expect(await client.getCatalog(first)).toMatchObject({ id: first, name: "Uno" })
    await client.disconnectWabaCatalog(account.waba_id, first)
    await client.connectWabaCatalog(account.waba_id, second)
    expect((await client.getWabaCatalogs(account.waba_id)).data.map((c) => c.id)).toEqual([second])
  })

  it("refuses a catalog of another business, and a token without catalog_management, with Meta's errors", async () => {
    await post("business", { id: "100000000000777", name: "Otra" })
    await post("catalog", { id: "100000000000778", name: "Ajeno", business_id: "100000000000777" })
    expect(await refusal(client.connectWabaCatalog(account.waba_id, "100000000000778"))).toMatchObject({ code: "100", subcode: "33" })
    expect(await refusal(client.getCatalog("100000000000778"))).toMatchObject({ code: "100", subcode: "33" })
    expect(await refusal(client.listBusinessCatalogs("100000000000777"))).toMatchObject({ code: "100", subcode: "33" })

    await post("token-scopes", { token: account.access_token, scopes: ["whatsapp_business_management", "whatsapp_business_messaging"] })
    const denied = await refusal(client.listBusinessCatalogs(DEFAULT_BUSINESS_ID))
    expect(denied).toMatchObject({ status: 403, code: "200", message: "(#200) Requires catalog_management permission to manage the object" })
    expect(await refusal(client.getWabaCatalogs(account.waba_id))).toMatchObject({ code: "200" })
    const stranger = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "nobody-token" })
    expect(await refusal(stranger.listBusinessCatalogs(DEFAULT_BUSINESS_ID))).toMatchObject({ code: "190" })
  })

  it("reports the verification and review statuses set through the controls", async () => {
    const before = await client.getPhoneNumberStatus(account.phone_number_id)
    expect(before).toMatchObject({ status: "CONNECTED", is_official_business_account: false, whatsapp_business_manager_messaging_limit: "TIER_250", name_status: "APPROVED" })
    expect(before).not.toHaveProperty("business_id")
    expect((await post("business-verification", { status: "approved" })).status).toBe(400)
    expect((await post("business-verification", { status: "verified" })).status).toBe(200)
    expect((await client.getWabaBusiness(account.waba_id)).business_verification_status).toBe("verified")
    expect((await post("phone-status", { name_status: "DECLINED", is_official_business_account: true })).status).toBe(200)
    expect((await post("phone-status", { quality_rating: "PURPLE" })).status).toBe(400)
    expect(await client.getPhoneNumberStatus(account.phone_number_id)).toMatchObject({
      name_status: "DECLINED",
      is_official_business_account: true,
      // Verification completed the scaling path: the portfolio's limit rose to 2,000.
      whatsapp_business_manager_messaging_limit: "TIER_2K",
    })
  })
})
