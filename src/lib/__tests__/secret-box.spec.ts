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
