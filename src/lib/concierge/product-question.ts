import { classifyIntent, faqTopicOf, type FaqTopic } from "./intents"
import { conciergeWords } from "./normalize"
import { isVariantConcept, needsSizeCue, SIZE_CUES, variantWordKey } from "./variant-words"

/** A variant of the product a customer asks about, with its option values ("M", "Rojo"). */
export type QuestionVariant = { id: string; values: string[] }

export type ProductQuestion = {
  /** The variant that has what was asked (size, colour), when the text asks for one. */
  variant_id: string | null
  /** What the customer asked for that no variant of the product has, as they wrote it ("L"). */
  missing: string[]
  /** True when the text names an option value at all (found or missing). */
  asks_variant: boolean
  /** Shipping, returns, payment or hours asked about too. */
  topic: FaqTopic | null
  /** The customer asked for a person. */
  human: boolean
}

function keysOf(value: string): string[] {
  return conciergeWords(value).map(variantWordKey)
}

/**
 * Reads a question sent from a product ("¿la tenéis en M?", "tem na cor
 * azul?", "do you have it in L?", "¿cuánto tarda el envío?"). Option values
 * of the product's own variants are matched across languages and
 * plural/gender; a colour or size the product does not have is reported as
 * missing. The variant chosen has every asked value and, among those, shares
 * most other values with the one the customer came from.
 */
export function readProductQuestion(text: string | null | undefined, variants: QuestionVariant[], referredVariantId: string | null): ProductQuestion {
  const words = conciergeWords(text)
  const intent = classifyIntent(text)
  const textKeys = words.map((w, i) => {
    const key = variantWordKey(w)
    // A lone letter counts only after a cue ("talla M"), or when the product has that exact value.
    if (needsSizeCue(w) && !SIZE_CUES.has(words[i - 1] ?? "")) return null
    return key
  })
  const present = new Set(textKeys.filter((k): k is string => !!k))
  const allValues = [...new Set(variants.flatMap((v) => v.values))]
  const asked = allValues.filter((value) => {
    const keys = keysOf(value)
    return keys.length > 0 && keys.every((k) => present.has(k))
  })
  // Colours and sizes named in the text that none of the asked values explains.
  const explained = new Set(asked.flatMap(keysOf))
  const missing: string[] = []
  textKeys.forEach((key, i) => {
    if (key && isVariantConcept(key) && !explained.has(key)) missing.push(words[i].length <= 3 ? words[i].toUpperCase() : words[i])
  })

  let variant_id: string | null = null
  if (asked.length && !missing.length) {
    const referred = variants.find((v) => v.id === referredVariantId)
    let best = -1
    for (const v of variants) {
      const hits = asked.filter((a) => v.values.includes(a)).length
      const shared = referred ? v.values.filter((x) => referred.values.includes(x)).length : 0
      const score = hits * 100 + shared
      if (hits === asked.length && score > best) {
        best = score
        variant_id = v.id
      }
    }
    // Values from different variants that no one variant combines ("M" only in red, asked in blue).
    if (!variant_id) missing.push(...asked)
  }
  return {
    variant_id,
    missing: [...new Set(missing)],
    asks_variant: asked.length > 0 || missing.length > 0,
    topic: faqTopicOf(words),
    human: intent.kind === "human",
  }
}
