import { createHmac } from "node:crypto"
import { deriveKeys } from "../derived-keys"

describe("deriveKeys", () => {
  const master = Buffer.from("0f".repeat(32), "hex")

  it("gives each use its own 32-byte key, none equal to the master key", () => {
    const keys = deriveKeys(master)
    const all = [master, keys.secrets, keys.checkoutLinks, keys.checkoutForms].map((k) => k.toString("hex"))
    expect(new Set(all).size).toBe(4)
    for (const key of [keys.secrets, keys.checkoutLinks, keys.checkoutForms]) expect(key).toHaveLength(32)
  })

  it("is stable for one master key and changes with it", () => {
    expect(deriveKeys(master)).toEqual(deriveKeys(Buffer.from(master)))
    expect(deriveKeys(Buffer.alloc(32, 1)).secrets.equals(deriveKeys(master).secrets)).toBe(false)
  })

  it("matches RFC 5869's HKDF-SHA256 (extract then expand), computed by hand", () => {
    const prk = createHmac("sha256", "medusa-plugin-whatsapp-commerce").update(master).digest()
    const t1 = createHmac("sha256", prk).update(Buffer.concat([Buffer.from("checkout-links-v1"), Buffer.from([1])])).digest()
    expect(deriveKeys(master).checkoutLinks.equals(t1)).toBe(true)
  })
})
