import { firstName, renderCannedReply, unknownCannedReplyVariables } from "../canned-reply"

describe("canned replies", () => {
  it("fills every variable it knows, with or without spaces inside the braces", () => {
    const out = renderCannedReply("Hi {{customer_first_name}}, {{ agent_name }} from {{store_name}} here.", {
      customer_first_name: "Ana",
      agent_name: "Luis",
      store_name: "Casa Verde",
    })
    expect(out).toEqual({ text: "Hi Ana, Luis from Casa Verde here.", missing: [] })
  })

  it("empties a variable this conversation has no value for, folds the gap and reports it", () => {
    const out = renderCannedReply("Hi {{customer_name}}, thanks!", { customer_name: null })
    expect(out).toEqual({ text: "Hi, thanks!", missing: ["customer_name"] })
  })

  it("names unknown variables once each", () => {
    expect(unknownCannedReplyVariables("{{customer_name}} {{cusotmer_name}} {{cusotmer_name}} {{total}}")).toEqual(["cusotmer_name", "total"])
    expect(unknownCannedReplyVariables("Hello {{store_name}}")).toEqual([])
  })

  it("takes the first word of a name", () => {
    expect(firstName("  Ana María López ")).toBe("Ana")
    expect(firstName("")).toBeNull()
    expect(firstName(null)).toBeNull()
  })
})
