/** A browser with a cookie jar of one cookie: enough for the checkout's CSRF nonce. */
export class Browser {
  cookie = ""
  constructor(private base: string) {}
  async get(pathname: string) {
    const res = await fetch(this.base + pathname, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: "manual" })
    this.keep(res)
    return { status: res.status, html: await res.text(), location: res.headers.get("location") }
  }
  async post(pathname: string, fields: Record<string, string>) {
    const res = await fetch(this.base + pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    })
    this.keep(res)
    return { status: res.status, html: await res.text(), location: res.headers.get("location") }
  }
  private keep(res: Response) {
    const set = res.headers.get("set-cookie")
    if (set) this.cookie = set.split(";")[0]
  }
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]
export const ADDRESS = {
  email: "lucia@example.com",
  first_name: "Lucía",
  last_name: "Pérez",
  address_1: "Calle Mayor 5",
  city: "Madrid",
  postal_code: "28013",
  country_code: "es",
  phone: "+34611122233",
}

export const expectedTotalOf = (html: string) => /name="expected_total" value="([^"]*)"/.exec(html)![1]
/** The amount on the pay button, in minor units ("Pagar 64,65 €" → 6465). */
export const payButtonMinor = (html: string) => Number(/id="pay-amount">([^<]+)</.exec(html)![1].replace(/[^\d]/g, ""))

/**
 * Fills the checkout form and presses pay with the given provider, as a
 * customer does: when choosing delivery changes the total, the page shows
 * the new total and the customer presses pay again. Returns where the page
 * sends the customer.
 */
export async function submitCheckout(browser: Browser, checkoutPath: string, shippingOptionId: string, providerId: string): Promise<string> {
  const page = await browser.get(checkoutPath)
  if (page.status !== 200) throw new Error(`checkout page answered ${page.status}`)
  const fields = { intent: "pay", ...ADDRESS, shipping_option_id: shippingOptionId, provider_id: providerId }
  let res = await browser.post(checkoutPath, { _csrf: csrfOf(page.html), expected_total: expectedTotalOf(page.html), ...fields })
  if (res.status === 409) res = await browser.post(checkoutPath, { _csrf: csrfOf(res.html), expected_total: expectedTotalOf(res.html), ...fields })
  if (res.status !== 303) throw new Error(`paying answered ${res.status}: ${res.html.slice(0, 300)}`)
  return res.location!
}

type FillablePage = { fill(selector: string, value: string): Promise<void>; selectOption(selector: string, value: string): Promise<unknown> }

/** Types a shopper's contact and Spanish address into the hosted checkout page, as a person would in Chromium. */
export async function fillCheckoutAddress(page: FillablePage, person: { email: string; first_name: string; last_name: string; address_1: string; postal_code: string; city: string }) {
  for (const [field, value] of Object.entries(person)) await page.fill(`#${field}`, value)
  await page.selectOption("#country_code", "es")
}

type PayPage = {
  locator(selector: string): { click(): Promise<void>; textContent(): Promise<string | null>; count(): Promise<number> }
  waitForNavigation(options?: { waitUntil?: "load" }): Promise<unknown>
}

/**
 * Presses the pay button in Chromium as a shopper does: when choosing
 * delivery changed the total, the page comes back with the new total and a
 * notice, and the shopper presses again. Returns the amount on the button
 * that was finally pressed (what the provider must charge).
 */
export async function pressPay(page: PayPage): Promise<string> {
  const button = page.locator('button[name="intent"][value="pay"]')
  let amount = (await page.locator("#pay-amount").textContent()) ?? ""
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()])
  if (await page.locator("#total-changed").count()) {
    amount = (await page.locator("#pay-amount").textContent()) ?? ""
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()])
  }
  return amount
}
