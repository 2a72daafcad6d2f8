import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

const APP_ID = "670843887433847"
const APP_SECRET = "sandbox-app-secret"

/** Meta's side of onboarding: the code exchange, token scopes, registration and verification, strict like Meta. */
describe("sandbox Embedded Signup and phone registration", () => {
  const sandbox = createSandbox({ sendStatuses: false, appSecret: APP_SECRET })
  let url: string
  const client = (accessToken: string) => new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken })
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: GraphApiError) => e)
  const control = async (action: string, body: unknown = {}) =>
    (await fetch(`${url}/__sandbox/signup/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()
  const number = async (id: string) => (await fetch(`${url}/__sandbox/signup/number?id=${id}`)).json()

  beforeAll(async () => {
    url = await sandbox.listen(0)
  })
  afterAll(() => sandbox.close())

  it("exchanges a code once for a token scoped to the new WABA; reuse and expiry answer Meta's errors", async () => {
    const session = await control("session", { business_name: "Tienda Uno" })
    expect(session).toMatchObject({ code: expect.any(String), waba_id: expect.any(String), phone_number_id: expect.any(String), business_id: expect.any(String) })
    const badSecret = await refusal(client("").exchangeCode(APP_ID, "wrong-secret", session.code))
    expect(badSecret).toMatchObject({ code: "1" })
    const { access_token } = await client("").exchangeCode(APP_ID, APP_SECRET, session.code)
    expect(access_token).toMatch(/^EAA/)
    const reused = await refusal(client("").exchangeCode(APP_ID, APP_SECRET, session.code))
    expect(reused).toMatchObject({ code: "100", subcode: "36009", message: "This authorization code has been used." })

    const { data } = await client(`${APP_ID}|${APP_SECRET}`).debugToken(access_token)
    expect(data.is_valid).toBe(true)
    expect(data.granular_scopes).toEqual([
      { scope: "whatsapp_business_management", target_ids: [session.waba_id] },
      { scope: "whatsapp_business_messaging", target_ids: [session.waba_id] },
    ])
    const notApp = await refusal(client("some-user-token").debugToken(access_token))
    expect(notApp).toMatchObject({ code: "190" })

    const late = await control("session", {})
    await control("advance-clock", { ms: 31_000 })
    const expired = await refusal(client("").exchangeCode(APP_ID, APP_SECRET, late.code))
    expect(expired).toMatchObject({ code: "100", subcode: "36007", message: "This authorization code has expired." })
  })

  it("registers a number with a PIN, refuses sends before that, a wrong PIN after, and calls without the permission", async () => {
    const session = await control("session", {})
    const { access_token } = await client("").exchangeCode(APP_ID, APP_SECRET, session.code)
    const business = client(access_token)
    const beforeRegister = await refusal(business.sendMessage(session.phone_number_id, "34600000001", { type: "text", text: { body: "hola" } }))
    expect(beforeRegister).toMatchObject({ code: "133010" })
    expect(await business.getPhoneNumber(session.phone_number_id)).toMatchObject({ status: "PENDING", platform_type: "NOT_APPLICABLE", code_verification_status: "VERIFIED" })

    await business.subscribeApp(session.waba_id)
    expect(await business.registerPhoneNumber(session.phone_number_id, "123456")).toEqual({ success: true })
    expect(await business.getPhoneNumber(session.phone_number_id)).toMatchObject({ status: "CONNECTED", platform_type: "CLOUD_API" })
    const wrongPin = await refusal(business.registerPhoneNumber(session.phone_number_id, "654321"))
    expect(wrongPin).toMatchObject({ code: "133005" })
    await business.deregisterPhoneNumber(session.phone_number_id)
    await business.unsubscribeApp(session.waba_id)
    expect(await number(session.phone_number_id)).toMatchObject({ registered: false, subscribed: false, has_pin: true })

    await control("revoke-scope", { waba_id: session.waba_id, scope: "whatsapp_business_management" })
    const denied = await refusal(business.subscribeApp(session.waba_id))
    expect(denied).toMatchObject({ code: "10", status: 403 })
  })

  it("verifies a number added by hand: request a code, a wrong code refused, the right one, then register", async () => {
    const session = await control("session", { verified: false })
    const { access_token } = await client("").exchangeCode(APP_ID, APP_SECRET, session.code)
    const business = client(access_token)
    expect(await refusal(business.registerPhoneNumber(session.phone_number_id, "111111"))).toMatchObject({ code: "133006" })
    expect(await refusal(business.verifyCode(session.phone_number_id, "000000"))).toMatchObject({ code: "136025" })
    await business.requestVerificationCode(session.phone_number_id, "SMS", "en_US")
    const received = (await number(session.phone_number_id)).verification_code
    expect(received).toMatch(/^\d{6}$/)
    const wrong = received === "000000" ? "000001" : "000000"
    expect(await refusal(business.verifyCode(session.phone_number_id, wrong))).toMatchObject({ code: "136025" })
    await business.verifyCode(session.phone_number_id, received)
    expect(await business.registerPhoneNumber(session.phone_number_id, "111111")).toEqual({ success: true })
  })

  it("serves the fake SDK and the popup, which refuses another app's id", async () => {
    const sdk = await (await fetch(`${url}/sdk.js`)).text()
    expect(sdk).toContain("window.FB")
    const popup = await (await fetch(`${url}/dialog/oauth?client_id=${APP_ID}&config_id=cfg&response_type=code`)).text()
    expect(popup).toContain('data-testid="es-finish"')
    const other = await (await fetch(`${url}/dialog/oauth?client_id=1&config_id=cfg&response_type=code`)).text()
    expect(other).toContain("Invalid App ID")
    const api = (body: unknown) => fetch(`${url}/dialog/oauth/api`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    const sent = await (await api({ action: "send_code", phone: "+34 612 345 670" })).json()
    const wrong = await api({ action: "finish", verification_id: sent.verification_id, code: "x", display_name: "Tienda" })
    expect(wrong.status).toBe(400)
    const done = await (await api({ action: "finish", verification_id: sent.verification_id, code: sent.code_shown, display_name: "Tienda", business_name: "Tienda SL" })).json()
    expect(await number(done.phone_number_id)).toMatchObject({ display_phone_number: "+34612345670", verified_name: "Tienda", registered: false, subscribed: false })
  })
})
