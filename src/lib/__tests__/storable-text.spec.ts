import { decodeRawBody, encodeRawBody, storableJson, storableText } from "../storable-text"

const R = "\uFFFD"

describe("storableText", () => {
  it("replaces NUL and lone surrogates, one replacement character each", () => {
    expect(storableText("a\u0000b")).toBe(`a${R}b`)
    expect(storableText("\ud800")).toBe(R)
    expect(storableText("x\udc00y")).toBe(`x${R}y`)
    expect(storableText("\udc00\ud800")).toBe(`${R}${R}`) // low before high is two lone halves
    expect(storableText("\ud83d\ud83d\udc4b")).toBe(`${R}\ud83d\udc4b`) // second high pairs with the low
    expect(storableText("end\ud83d")).toBe(`end${R}`)
  })

  it("returns every storable string unchanged", () => {
    const storable = ["", "hola", "👋🏽 café", "مرحبا\u200f", "\u202eRTL override", "𝕏 𐍈 🧡", "\u0001\u001f\u007f\u2028", "\uFFFD already"]
    for (const text of storable) {
      expect(storableText(text)).toBe(text)
    }
  })
})

describe("storableJson", () => {
  it("cleans strings and keys at any depth and keeps numbers, booleans and nulls", () => {
    const value = JSON.parse('{"a\\u0000":["x\\ud800",1,true,null,{"b":"\\u0000"}],"ok":"é"}')
    expect(storableJson(value)).toEqual({ [`a${R}`]: [`x${R}`, 1, true, null, { b: R }], ok: "é" })
  })

  it("handles thousands of levels of nesting without overflowing the stack", () => {
    const depth = 20_000
    const text = `${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`
    let node: unknown = storableJson(JSON.parse(text))
    for (let i = 0; i < depth; i++) node = (node as unknown[])[0]
    expect(node).toBe(R)
  })

  it("leaves a storable tree deep-equal to what was parsed", () => {
    const text = JSON.stringify({ m: [{ text: { body: "Hola 👋 \u202b" } }], n: 1.5 })
    expect(storableJson(JSON.parse(text))).toEqual(JSON.parse(text))
  })
})

describe("raw body encoding", () => {
  it("keeps UTF-8 text as it is, and anything else byte-exact as base64", () => {
    const ascii = Buffer.from('{"a":"caf\\u00e9"}')
    expect(encodeRawBody(ascii)).toEqual({ text: ascii.toString(), encoding: "utf8" })
    const utf8 = Buffer.from('{"a":"café 👋"}')
    expect(encodeRawBody(utf8).encoding).toBe("utf8")
    for (const bytes of [Buffer.from([0x7b, 0x00, 0x7d]), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0xed, 0xa0, 0x80])]) {
      const stored = encodeRawBody(bytes)
      expect(stored.encoding).toBe("base64")
      expect(decodeRawBody(stored.text, stored.encoding).equals(bytes)).toBe(true)
    }
    expect(decodeRawBody(utf8.toString(), "utf8").equals(utf8)).toBe(true)
  })
})
