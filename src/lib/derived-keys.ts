import { hkdfSync } from "node:crypto"

/**
 * One key per use, derived from the plugin's `encryptionKey` with HKDF
 * (RFC 5869, SHA-256): account secrets at rest, checkout-link signatures and
 * checkout-form CSRF fields never share a key, so a weakness or a leak in one
 * use tells nothing about the others. Node's built-in HKDF; no library needed.
 */
export type DerivedKeys = {
  /** AES-256-GCM for account secrets (SecretBox v2). */
  secrets: Buffer
  /** HMAC of checkout links. */
  checkoutLinks: Buffer
  /** HMAC of checkout-form CSRF fields. */
  checkoutForms: Buffer
}

const SALT = "medusa-plugin-whatsapp-commerce"

function derive(master: Buffer, use: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, SALT, `${use}-v1`, 32))
}

export function deriveKeys(master: Buffer): DerivedKeys {
  return {
    secrets: derive(master, "account-secrets"),
    checkoutLinks: derive(master, "checkout-links"),
    checkoutForms: derive(master, "checkout-forms"),
  }
}
