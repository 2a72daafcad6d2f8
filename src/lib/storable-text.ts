/**
 * PostgreSQL cannot hold U+0000 in `text` or `jsonb`, and `jsonb` refuses a
 * lone UTF-16 surrogate (`"\ud800"`). Both arrive in signed webhooks as JSON
 * escapes. These helpers replace exactly those code units with U+FFFD and
 * leave every storable string untouched, so a message is stored (visibly
 * marked) instead of failing its insert.
 */

const REPLACEMENT = "\uFFFD"
// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The string with NUL and lone surrogates replaced; the same string when nothing needed replacing. */
export function storableText(value: string): string {
  UNSTORABLE.lastIndex = 0
  return UNSTORABLE.test(value) ? value.replace(UNSTORABLE, REPLACEMENT) : value
}

/**
 * A parsed JSON value made storable: every string and every object key goes
 * through `storableText`. Changes the tree in place (call it on a value just
 * parsed) and returns it. Iterative, so thousands of levels of nesting cannot
 * overflow the stack.
 */
export function storableJson<T>(value: T): T {
  const root = { value: value as unknown }
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [{ holder: root as Record<string, unknown>, key: "value" }]
  while (stack.length) {
    const { holder, key } = stack.pop()!
    const current = (holder as any)[key]
    if (typeof current === "string") {
      ;(holder as any)[key] = storableText(current)
    } else if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ holder: current, key: i })
    } else if (current !== null && typeof current === "object") {
      const obj = current as Record<string, unknown>
      for (const name of Object.keys(obj)) {
        const safe = storableText(name)
        if (safe !== name) {
          // Two keys may collapse into one: the later one wins, as in JSON.parse.
          obj[safe] = obj[name]
          delete obj[name]
        }
        stack.push({ holder: obj, key: safe })
      }
    }
  }
  return root.value as T
}

/** How a webhook body's bytes are kept in the text column `raw_body`. */
export type RawBodyEncoding = "utf8" | "base64"

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

/**
 * The stored form of a webhook body, byte-exact either way: Meta's bodies are
 * ASCII JSON (non-ASCII arrives as \uXXXX escapes), so they are kept as text,
 * readable in the admin; bytes that are not valid UTF-8 or that carry a NUL
 * byte (never valid JSON) are kept as base64 instead of being altered.
 */
export function encodeRawBody(raw: Buffer): { text: string; encoding: RawBodyEncoding } {
  if (!raw.includes(0)) {
    try {
      return { text: strictUtf8.decode(raw), encoding: "utf8" }
    } catch {
      // not UTF-8: fall through
    }
  }
  return { text: raw.toString("base64"), encoding: "base64" }
}

/** The exact bytes of a stored body. */
export function decodeRawBody(text: string, encoding: RawBodyEncoding | string | null | undefined): Buffer {
  return encoding === "base64" ? Buffer.from(text, "base64") : Buffer.from(text, "utf8")
}
