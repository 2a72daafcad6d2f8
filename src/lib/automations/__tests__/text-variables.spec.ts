import { actionTexts, actionVariableProblems, isKnownVariable, textVariableProblems, variablesIn } from "../text-variables"

describe("automation text variables", () => {
  it("lists each name once, trimmed, in order of appearance", () => {
    expect(variablesIn("Hola {{ customer_name }}, tu total es {{cart_total}}. {{customer_name}}")).toEqual(["customer_name", "cart_total"])
    expect(variablesIn("Sin variables")).toEqual([])
  })

  it("knows the contract's variables and nothing else", () => {
    expect(isKnownVariable("checkout_url")).toBe(true)
    expect(isKnownVariable("cart_totl")).toBe(false)
    expect(isKnownVariable("")).toBe(false)
  })

  it("flags unknown names, an empty placeholder and unbalanced braces", () => {
    expect(textVariableProblems("Total {{cart_total}}")).toEqual({ unknown: [], unbalanced: false })
    expect(textVariableProblems("Total {{cart_totl}} {{}}")).toEqual({ unknown: ["cart_totl", ""], unbalanced: false })
    expect(textVariableProblems("Total {{cart_total")).toEqual({ unknown: [], unbalanced: true })
    expect(textVariableProblems("Total cart_total}}")).toEqual({ unknown: [], unbalanced: true })
  })

  it("reads the texts of each action kind that carries one", () => {
    expect(actionTexts({ type: "notify_admins", title: "Cart {{cart_total}}", text: "From {{customer_name}}" })).toEqual([
      { field: "title", text: "Cart {{cart_total}}" },
      { field: "text", text: "From {{customer_name}}" },
    ])
    expect(actionTexts({ type: "send_template", name: "t", language: "es", parameters: ["{{customer_name}}", "x"] }).map((t) => t.field)).toEqual([
      "parameters.0",
      "parameters.1",
    ])
    expect(actionTexts({ type: "tag_conversation", tag: "lang-{{order_status}}" })).toEqual([{ field: "tag", text: "lang-{{order_status}}" }])
    expect(actionTexts({ type: "send_products", product_ids: ["prod_1"] })).toEqual([])
    expect(actionTexts({ type: "webhook", url: "https://example.com", secret: "s" })).toEqual([])
  })

  it("reports the problems of a rule's actions by index and field", () => {
    expect(
      actionVariableProblems([
        { type: "notify_admins", title: "New cart", text: "{{cart_total}}" },
        { type: "send_text", text: "Hola {{nombre}}" },
        { type: "send_discount", kind: "percentage", value: 10, expires_in_hours: 24, text: "Code {{discount_code" },
      ])
    ).toEqual([
      { index: 1, field: "text", unknown: ["nombre"], unbalanced: false },
      { index: 2, field: "text", unknown: [], unbalanced: true },
    ])
  })
})
