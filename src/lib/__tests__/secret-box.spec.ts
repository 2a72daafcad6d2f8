import { maskSecret, SecretBox } from "../secret-box"

describe("SecretBox", () => {
  const box = new SecretBox(Buffer.alloc(32, 1))

  it("round-trips, with a fresh IV each time", () => {
    const a = box.seal("EAAG token ✓")
    const b = box.seal("EAAG token ✓")
    expect(a).not.toEqual(b)
    expect(a).not.toContain("EAAG")
    expect(box.open(a)).toBe("EAAG token ✓")
    expect(SecretBox.isSealed(a)).toBe(true)
  })

  it("refuses tampered ciphertext and another key", () => {
    const sealed = box.seal("secret")
    const parts = sealed.split(".")
    parts[3] = Buffer.from("xxxxxx").toString("base64url")
    expect(() => box.open(parts.join("."))).toThrow()
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow()
    expect(() => box.open("plaintext")).toThrow("Not a sealed secret")
  })

  it("opens v1 values sealed with the legacy key, and seals only v2", () => {
    const master = Buffer.alloc(32, 7)
    const legacy = new SecretBox(master).seal("old secret").replace(/^v2\./, "v1.")
    const upgraded = new SecretBox(Buffer.alloc(32, 8), master)
    expect(SecretBox.isLegacy(legacy)).toBe(true)
    expect(upgraded.open(legacy)).toBe("old secret")
    const resealed = upgraded.seal("old secret")
    expect(resealed).toMatch(/^v2\./)
    expect(SecretBox.isLegacy(resealed)).toBe(false)
    // A v2 value never opens with the legacy key, nor a v1 value without one.
    expect(() => new SecretBox(master, master).open(resealed)).toThrow()
    expect(() => new SecretBox(Buffer.alloc(32, 8)).open(legacy)).toThrow("Not a sealed secret")
  })

  it("needs a 32-byte key", () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow()
  })
})

describe("maskSecret", () => {
  it("shows only the last four characters of long secrets", () => {
    expect(maskSecret("EAAGabcdefgh1234")).toBe("••••1234")
    expect(maskSecret("short")).toBe("••••")
    expect(maskSecret(null)).toBeNull()
  })
})
