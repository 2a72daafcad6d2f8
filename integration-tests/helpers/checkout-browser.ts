type Cookie = { name: string; value: string; path: string }
type Answer = { status: number; html: string; location: string | null; path: string; headers: Headers }

/**
 * Enough of a browser for the checkout over HTTP: a cookie jar that honours
 * each cookie's Path (the checkout link's token cookie is scoped to its own
 * page, the CSRF nonce to all checkout pages), and a GET follows
 * same-origin redirects as a browser does (a redirect elsewhere, to a payment
 * provider's page, stops there). A POST returns its redirect unfollowed, so a
 * test sees where the form sends the customer.
 */
export class Browser {
  cookies: Cookie[] = []
  constructor(private base: string) {}
  /** What the browser would send to this path. */
  cookieHeader(pathname: string) {
    const path = new URL(pathname, this.base).pathname
    return this.cookies
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ")
  }
  async get(pathname: string): Promise<Answer> {
    return this.request("GET", pathname, undefined, 0)
  }
  async post(pathname: string, fields: Record<string, string>): Promise<Answer> {
    return this.request("POST", pathname, new URLSearchParams(fields).toString(), 5)
  }
  private async request(method: string, pathname: string, body: string | undefined, hops: number): Promise<Answer> {
    const url = new URL(pathname, this.base)
    const cookie = this.cookieHeader(url.pathname)
    const res = await fetch(url, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...(cookie ? { cookie } : {}) },
      body,
      redirect: "manual",
    })
    this.keep(res)
    const location = res.headers.get("location")
    const next = location ? new URL(location, url) : null
    if (next && next.origin === url.origin && [301, 302, 303, 307, 308].includes(res.status) && hops < 5) {
      await res.arrayBuffer()
      const again = res.status === 307 || res.status === 308
      return this.request(again ? method : "GET", next.pathname + next.search, again ? body : undefined, hops + 1)
    }
    return { status: res.status, html: await res.text(), location, path: url.pathname + url.search, headers: res.headers }
  }
  private keep(res: Response) {
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(";").map((p) => p.trim())
      const eq = pair.indexOf("=")
      const name = pair.slice(0, eq)
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || "/"
      const gone = attributes.some((a) => /^max-age=(0|-)/i.test(a))
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path))
      if (!gone) this.cookies.push({ name, value: pair.slice(eq + 1), path })
    }
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
  let res = await browser.post(page.path, { _csrf: csrfOf(page.html), expected_total: expectedTotalOf(page.html), ...fields })
  if (res.status === 409) res = await browser.post(page.path, { _csrf: csrfOf(res.html), expected_total: expectedTotalOf(res.html), ...fields })
  if (res.status !== 303) {
    const text = res.html.replace(/<(style|script)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")
    throw new Error(`paying answered ${res.status}: ${text.slice(0, 800)}`)
  }
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
