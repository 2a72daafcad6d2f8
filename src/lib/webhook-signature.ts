import { createHmac, timingSafeEqual } from "node:crypto"

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i

/** `X-Hub-Signature-256` for a body, as Meta computes it. */
export function signWebhookBody(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`
}

/**
 * The candidate secret under which `header` is Meta's HMAC-SHA256 of the
 * exact bytes received, or null. Every candidate is computed and compared in
 * constant time, whether or not one matched; a missing or malformed header
 * is simply null.
 */
export function signingSecret(rawBody: Buffer, header: string | string[] | undefined, secrets: Iterable<string>): string | null {
  const received = signatureBytes(header)
  if (!received) {
    return null
  }
  let found: string | null = null
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(rawBody).digest()
    if (timingSafeEqual(expected, received) && found === null) {
      found = secret
    }
  }
  return found
}

/** True when the body is signed with one of the candidate secrets. */
export function verifyWebhookSignature(rawBody: Buffer, header: string | string[] | undefined, secrets: Iterable<string>): boolean {
  return signingSecret(rawBody, header, secrets) !== null
}

/** The 32 bytes of a well-formed `sha256=<hex>` header; null otherwise (cheap: no body needed). */
export function signatureBytes(header: string | string[] | undefined): Buffer | null {
  const value = Array.isArray(header) ? header[0] : header
  const match = value ? HEADER_PATTERN.exec(value.trim()) : null
  return match ? Buffer.from(match[1].toLowerCase(), "hex") : null
}
