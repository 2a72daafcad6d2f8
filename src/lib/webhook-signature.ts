import { createHmac, timingSafeEqual } from "node:crypto"

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i

/** `X-Hub-Signature-256` for a body, as Meta computes it. */
export function signWebhookBody(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`
}

/**
 * True when `header` is Meta's HMAC-SHA256 of the exact bytes received under
 * one of the candidate secrets. Compared in constant time; a missing or
 * malformed header is simply false.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  header: string | string[] | undefined,
  secrets: Iterable<string>
): boolean {
  const value = Array.isArray(header) ? header[0] : header
  const match = value ? HEADER_PATTERN.exec(value.trim()) : null
  if (!match) {
    return false
  }
  const received = Buffer.from(match[1].toLowerCase(), "hex")
  let valid = false
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(rawBody).digest()
    // No early exit: every candidate costs the same whether or not one matched.
    valid = timingSafeEqual(expected, received) || valid
  }
  return valid
}
