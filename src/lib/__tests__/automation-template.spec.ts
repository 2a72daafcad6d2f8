import { renderTemplate, unknownVariables, variablesIn } from "../automations/template"

describe("automation variables", () => {
  it("lists the variables a text uses, once each, spaces inside braces allowed", () => {
    expect(variablesIn("Hi {{customer_name}}, {{ cart_total }} — {{customer_name}}")).toEqual(["customer_name", "cart_total"])
    expect(variablesIn("no variables {single} }}")).toEqual([])
  })

  it("fills in known values and leaves no braces for a missing one", () => {
    expect(renderTemplate("Hola {{customer_name}}, total {{ cart_total }}.", { customer_name: "Ana", cart_total: "19,90 €" })).toBe("Hola Ana, total 19,90 €.")
    expect(renderTemplate("Pedido #{{order_display_id}}", {})).toBe("Pedido #")
  })

  it("does not expand a value that itself looks like a variable", () => {
    expect(renderTemplate("{{customer_name}}", { customer_name: "{{checkout_url}}", checkout_url: "x" })).toBe("{{checkout_url}}")
  })

  it("finds unknown names across every text of every action", () => {
    expect(
      unknownVariables([
        { type: "send_text", text: "Hi {{customer_name}} {{nickname}}" },
        { type: "notify_admins", title: "{{cart_totl}}", text: "{{cart_total}}" },
        { type: "send_template", name: "t", language: "es", parameters: ["{{coupon}}", "{{discount_code}}"] },
        { type: "webhook", url: "https://example.com", secret: "0123456789abcdef" },
      ])
    ).toEqual(["nickname", "cart_totl", "coupon"])
    expect(unknownVariables([{ type: "send_text", text: "{{store_name}} {{product_name}}" }])).toEqual([])
  })
})
