import type { SupportedLanguage } from "./account-settings"

/**
 * What every chat text shares: the language pick, money and dates in the
 * customer's locale, and clipping to Meta's limits. Lengths are counted in
 * code points because that is how Meta (and `validateOutboundMessage`)
 * counts them. The texts themselves: product-texts, cart-texts, order-texts.
 */

export type Texts<T> = Record<SupportedLanguage, T>

/** Unknown languages (old stored values, bad input) fall back to English instead of sending "undefined". */
export function pick<T>(lang: SupportedLanguage, texts: Texts<T>): T {
  return texts[lang] ?? texts.en
}

const LOCALES: Texts<string> = { en: "en-US", es: "es-ES", pt: "pt-BR" }

/** Meta's limit on an interactive message's body, in code points. */
export const INTERACTIVE_BODY_MAX = 1024

/** Length as Meta counts it: code points. */
export const length = (text: string) => [...text].length

type GraphemeSegmenter = { segment(input: string): Iterable<{ segment: string }> }
type SegmenterCtor = new (locale?: string, options?: { granularity: "grapheme" }) => GraphemeSegmenter
// Intl.Segmenter is in Node 16+, but not in the ES2021 lib this repo compiles against.
const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter
const graphemeSegmenter = Segmenter ? new Segmenter(undefined, { granularity: "grapheme" }) : null

function graphemes(text: string): string[] {
  return graphemeSegmenter ? Array.from(graphemeSegmenter.segment(text), (s) => s.segment) : [...text]
}

/**
 * At most `max` code points, ending in "…" when cut. Cuts between graphemes so
 * an emoji, a flag or an accented letter is never split into garbage.
 */
export function clip(text: string, max: number): string {
  const value = text ?? ""
  if (max <= 0) {
    return ""
  }
  if (length(value) <= max) {
    return value
  }
  let out = ""
  let used = 0
  for (const g of graphemes(value)) {
    const n = length(g)
    if (used + n > max - 1) {
      break
    }
    out += g
    used += n
  }
  return `${out.trimEnd()}…`
}

/** Collapses whitespace a customer or merchant typed so it cannot stretch a message. */
export const oneLine = (text: string) => (text ?? "").replace(/\s+/g, " ").trim()

/** `amount` in major units (19.9 → "19,90 €" in Spanish). */
export function formatMoney(amount: number, currency: string, language: SupportedLanguage): string {
  const code = (currency ?? "").toUpperCase()
  try {
    return new Intl.NumberFormat(pick(language, LOCALES), { style: "currency", currency: code }).format(amount)
  } catch {
    // A code Intl does not know should still produce a readable price.
    return `${amount.toFixed(2)} ${code}`.trim()
  }
}

/**
 * Day and time for "valid until". Without the customer's zone we say UTC
 * explicitly rather than print the server's local time as if it were theirs.
 */
export function formatDateTime(date: Date, language: SupportedLanguage, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }
  const locale = pick(language, LOCALES)
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date)
    } catch {
      // Invalid zone name: fall through to UTC.
    }
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC", timeZoneName: "short" }).format(date)
}
