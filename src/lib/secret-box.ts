import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"

/**
 * AES-256-GCM for account secrets at rest. The stored form is
 * `<version>.<iv>.<tag>.<ciphertext>` (base64url). `v2` is sealed with a key
 * derived for this use only (lib/derived-keys); `v1`, sealed with the raw
 * `encryptionKey` before keys were separated, still opens with the legacy
 * key until the upgrade script re-seals it.
 */
const VERSION = "v2"
const LEGACY_VERSION = "v1"
const IV_BYTES = 12

export class SecretBox {
  constructor(
    private readonly key: Buffer,
    private readonly legacyKey: Buffer | null = null
  ) {
    for (const k of [key, legacyKey]) {
      if (k && k.length !== 32) {
        throw new Error("SecretBox needs a 32-byte key")
      }
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
    const key = version === VERSION ? this.key : version === LEGACY_VERSION ? this.legacyKey : null
    if (!key || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed secret")
    }
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8")
  }

  /** Sealed in an older format: open and seal again to upgrade it. */
  static isLegacy(sealed: string): boolean {
    return sealed.startsWith(`${LEGACY_VERSION}.`)
  }

  static isSealed(value: string): boolean {
    return /^v[12]\./.test(value) && value.split(".").length === 4
  }
}

/** What the admin API shows instead of a secret: presence and the last 4 characters. */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) {
    return null
  }
  return secret.length <= 8 ? "••••" : `••••${secret.slice(-4)}`
}
