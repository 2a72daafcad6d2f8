import { summarizeTemplate } from "../graph-api/templates"
import { STARTER_TEMPLATE_NAMES, starterTemplates, TEMPLATE_LANGUAGE } from "../onboarding/starter-templates"
import { checkoutButtonUrl } from "../checkout-link"
// The sandbox's reading of Meta's creation rules (sandbox/message-templates.js, from Meta's Template fundamentals page).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { creationProblem } = require("../../../sandbox/message-templates")

const hosted = checkoutButtonUrl({ publicUrl: "https://shop.example" })

describe("starterTemplates", () => {
  it.each(["es", "pt", "en"] as const)("in %s, fits the use the store sends it for once approved", (language) => {
    const templates = starterTemplates(language, hosted)
    expect(templates.map((t) => [t.use, t.name, t.language, t.category])).toEqual([
      ["recovery", STARTER_TEMPLATE_NAMES.recovery, TEMPLATE_LANGUAGE[language], "MARKETING"],
      ["order_update", STARTER_TEMPLATE_NAMES.order_update, TEMPLATE_LANGUAGE[language], "UTILITY"],
    ])
    for (const t of templates) {
      const summary = summarizeTemplate({ id: "1", ...t, status: "APPROVED" } as any)
      expect(summary.fits[t.use]).toBe(true)
      // While Meta reviews it, it fits nothing.
      expect(summarizeTemplate({ id: "1", ...t, status: "PENDING" } as any).fits[t.use]).toBe(false)
    }
  })

  it.each(["es", "pt", "en"] as const)("in %s, passes Meta's creation rules (names, variables inside sentences, examples)", (language) => {
    for (const t of starterTemplates(language, hosted)) {
      expect(creationProblem(t)).toBeNull()
      const body = t.components.find((c) => c.type === "BODY") as { text: string }
      expect(body.text.length).toBeLessThanOrEqual(1024)
    }
  })

  it("points the reminder's button at the hosted checkout, or at the storefront's checkout up to the cart id", () => {
    const button = (url: { url: string; example: string }) =>
      ((starterTemplates("es", url)[0].components[1] as any).buttons[0] as { url: string; example: string[] })
    expect(button(hosted)).toMatchObject({ url: "https://shop.example/whatsapp/checkout/{{1}}" })
    const storefront = checkoutButtonUrl({ publicUrl: "https://shop.example", storefrontUrl: "https://www.shop.example/checkout?cart_id={cart_id}" })
    expect(button(storefront)).toEqual({ type: "URL", text: "Pagar", url: "https://www.shop.example/checkout?cart_id={{1}}", example: ["https://www.shop.example/checkout?cart_id=cart_01JEXAMPLE"] })
  })

  it("is refused by the sandbox as Meta refuses: a variable closing the body, a missing example", () => {
    const [reminder] = starterTemplates("en", hosted)
    const closing = { ...reminder, components: [{ type: "BODY", text: "Your cart {{1}}", example: { body_text: [["x"]] } }] }
    expect(creationProblem(closing).body.error.message).toMatch(/start or end/)
    const noExample = { ...reminder, components: [{ type: "BODY", text: "Hi {{1}}, come back" }] }
    expect(creationProblem(noExample).body.error.message).toMatch(/example/)
    expect(creationProblem({ ...reminder, name: "Cart-Reminder" }).body.error.message).toMatch(/lowercase/)
  })
})
