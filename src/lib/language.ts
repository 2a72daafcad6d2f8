import { detectAll } from "tinyld"
import type { SupportedLanguage } from "./account-settings"

/**
 * The language a customer writes in, among those the store speaks, or null
 * when the text doesn't say (a product name, "ok", a number). Detection by
 * tinyld (pure JS, no model download, n-gram profiles for 60+ languages):
 * restricted to our languages and trusted only when one clearly leads.
 * Greetings and thanks are too short for n-grams, so a few are known by
 * heart: they are often a customer's first and only words.
 */
const LANGUAGES: SupportedLanguage[] = ["es", "pt", "en"]

const SHORT_WORDS: Record<string, SupportedLanguage> = {
  hola: "es", gracias: "es", buenas: "es", "buenos dias": "es", "buenas tardes": "es", "buenas noches": "es",
  ola: "pt", oi: "pt", obrigado: "pt", obrigada: "pt", "bom dia": "pt", "boa tarde": "pt", "boa noite": "pt",
  hi: "en", hello: "en", hey: "en", thanks: "en", "thank you": "en", "good morning": "en",
  "hi there": "en", "hello there": "en", "hey there": "en", "thanks a lot": "en", "good afternoon": "en", "good evening": "en",
}

export function detectLanguage(text: string | null | undefined): SupportedLanguage | null {
  const clean = (text ?? "").trim()
  if (!clean) return null
  const key = clean.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\p{L}\s]/gu, "").replace(/\s+/g, " ").trim()
  if (SHORT_WORDS[key]) return SHORT_WORDS[key]
  if (key.replace(/\s/g, "").length < 8) return null
  const [first, second] = detectAll(clean, { only: LANGUAGES })
  if (!first || first.accuracy < 0.1) return null
  if (second && first.accuracy < 2 * second.accuracy) return null
  return first.lang as SupportedLanguage
}
