import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"

/**
 * AES-256-GCM for account secrets at rest. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a key or format change later can
 * be told apart from tampering.
 */
const VERSION = "v1"
const IV_BYTES = 12

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) {
      throw new Error("SecretBox needs a 32-byte key")
    }
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv("aes-256-gcm", this.key, iv)
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
    const tag = cipher.getAuthTag()
    return [VERSION, iv, tag, ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".")
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(".")
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed secret")
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8")
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}.`) && value.split(".").length === 4
  }
}

/** What the admin API shows instead of a secret: presence and the last 4 characters. */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) {
    return null
  }
  return secret.length <= 8 ? "••••" : `••••${secret.slice(-4)}`
}
