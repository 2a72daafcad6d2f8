import { conciergeWords, hasPhrase } from "./normalize"

/**
 * What a customer's text asks, before any product search. Phrases are in
 * concierge words (lower case, no accents, no punctuation) and cover Spanish,
 * Portuguese and English; the language does not need to be known first.
 * A text that is none of these is a product query, searched as typed (minus
 * a leading greeting: "hola, busco zapatillas" searches "busco zapatillas").
 */
export const FAQ_TOPICS = ["shipping", "returns", "payment", "hours"] as const
export type FaqTopic = (typeof FAQ_TOPICS)[number]

export type ConciergeIntent =
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "faq"; topic: FaqTopic }
  | { kind: "order_status" }
  | { kind: "human" }
  | { kind: "search"; query: string }
  | { kind: "empty" }

const GREETING_CORE = new Set([
  "hola", "holi", "holis", "buenas", "buenos", "buen", "saludos", "ey",
  "ola", "oi", "oie", "opa", "bom", "boa", "alo",
  "hi", "hello", "hey", "hiya", "howdy", "good", "greetings",
])
const THANKS_CORE = new Set([
  "gracias", "agradecido", "agradecida", "obrigado", "obrigada", "obg", "valeu", "agradeco",
  "thanks", "thank", "thx", "ty", "cheers",
])
/** Words that may come with a greeting or a thanks without making it a question. */
const COURTESY = new Set([
  "dia", "dias", "tarde", "tardes", "noche", "noches", "noite", "morning", "afternoon", "evening", "day",
  "que", "tal", "como", "estas", "esta", "estan", "va", "todo", "bien", "tudo", "bem", "e", "ai", "how", "are", "you", "there", "all", "everyone", "doing",
  "muchas", "muchisimas", "mil", "muito", "muita", "much", "so", "very", "a", "lot", "lots", "y", "and", "por", "todo", "pela", "ajuda", "la", "ayuda", "for", "the", "help",
  "ok", "okay", "vale", "perfecto", "perfeito", "perfect", "genial", "great", "otimo", "excelente", "excellent", "super", "de", "nada", "amigo", "amiga", "senor", "senora", "equipo", "team", "pessoal", "gente", "folks", "guys", "chicos",
])

const HUMAN_WORDS = new Set(["humano", "humana", "human", "agente", "agent", "atendente", "operador", "operator", "operadora", "asesor", "asesora", "representative", "representante"])
const TALK_PHRASES = ["hablar con", "hablar a", "falar com", "conversar com", "talk to", "talk with", "speak to", "speak with", "chat with", "chat to"]
const PERSON_WORDS = new Set(["persona", "alguien", "pessoa", "alguem", "person", "someone", "somebody", "anyone", "vendedor", "vendedora", "dependiente"])
const HUMAN_PHRASES = ["persona real", "pessoa real", "real person", "atencion al cliente", "servicio al cliente", "atendimento humano", "customer service", "customer support", "customer care"]

const ORDER_NOUNS = new Set(["pedido", "pedidos", "encomenda", "encomendas", "compra", "order", "orders", "paquete", "pacote", "package", "parcel"])
const POSSESSIVES = new Set(["mi", "mis", "meu", "meus", "minha", "minhas", "my"])
const ORDER_STATUS_WORDS = new Set(["estado", "status", "donde", "onde", "where", "cuando", "quando", "when", "llega", "llegara", "chega", "chegara", "arrive", "arrives", "arrived"])
const TRACKING_WORDS = new Set(["seguimiento", "rastreio", "rastreamento", "rastrear", "tracking", "track"])

type TopicRule = { topic: FaqTopic; words: string[]; phrases: string[] }
// Checked in this order: "pago contra entrega" is about paying, "devolución del envío" about returns.
const FAQ_RULES: TopicRule[] = [
  {
    topic: "payment",
    words: ["pago", "pagos", "pagar", "pagamento", "pagamentos", "payment", "payments", "pay", "tarjeta", "tarjetas", "cartao", "cartoes", "pix", "boleto", "bizum", "paypal", "transferencia"],
    phrases: ["contra reembolso", "credit card", "debit card", "cash on delivery"],
  },
  {
    topic: "returns",
    words: ["devolucion", "devoluciones", "devolver", "devuelvo", "devolucao", "devolucoes", "reembolso", "reembolsos", "troca", "trocas", "trocar", "cambio", "cambios", "cambiar", "return", "returns", "refund", "refunds", "exchange", "exchanges"],
    phrases: [],
  },
  {
    topic: "hours",
    words: ["horario", "horarios", "abren", "abris", "abierto", "abiertos", "cierran", "cerrais", "abrem", "aberto", "aberta", "abertos", "fecham", "funcionamento", "hours", "opening", "closing"],
    phrases: ["a que hora", "que horas", "what time", "are you open", "when do you open", "when do you close"],
  },
  {
    topic: "shipping",
    words: ["envio", "envios", "enviais", "envian", "enviam", "enviar", "entrega", "entregas", "frete", "fretes", "portes", "shipping", "ship", "ships", "delivery", "deliveries", "deliver", "postage", "despacho"],
    phrases: ["cuanto tarda", "cuanto tardan", "cuantos dias", "quanto tempo", "quantos dias", "how long", "how many days"],
  },
]

/** How many leading words are greeting or courtesy words (and at least one greeting). */
function greetingPrefixLength(words: string[]): number {
  let n = 0
  let greeted = false
  while (n < words.length && (GREETING_CORE.has(words[n]) || (greeted && COURTESY.has(words[n])))) {
    greeted ||= GREETING_CORE.has(words[n])
    n++
  }
  return greeted ? n : 0
}

function asksForHuman(words: string[]): boolean {
  if (words.some((w) => HUMAN_WORDS.has(w))) return true
  if (HUMAN_PHRASES.some((p) => hasPhrase(words, p))) return true
  return TALK_PHRASES.some((p) => hasPhrase(words, p)) && words.some((w) => PERSON_WORDS.has(w))
}

function asksOrderStatus(words: string[]): boolean {
  if (words.some((w) => TRACKING_WORDS.has(w))) return true
  if (!words.some((w) => ORDER_NOUNS.has(w))) return false
  return words.some((w) => POSSESSIVES.has(w) || ORDER_STATUS_WORDS.has(w))
}

/** The FAQ topic a text asks about, or null. */
export function faqTopicOf(words: string[]): FaqTopic | null {
  for (const rule of FAQ_RULES) {
    if (rule.words.some((w) => words.includes(w)) || rule.phrases.some((p) => hasPhrase(words, p))) return rule.topic
  }
  return null
}

/** The text after its first `count` words, as the customer typed it (accents kept). */
function afterWords(text: string, count: number): string {
  if (count <= 0) return text.trim()
  const tokens = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)]
  const next = tokens[count]
  return next?.index === undefined ? "" : text.slice(next.index).trim()
}

export function classifyIntent(text: string | null | undefined): ConciergeIntent {
  const words = conciergeWords(text)
  if (!words.length) return { kind: "empty" }
  if (asksForHuman(words)) return { kind: "human" }
  if (asksOrderStatus(words)) return { kind: "order_status" }
  const topic = faqTopicOf(words)
  if (topic) return { kind: "faq", topic }
  const courtesyOnly = words.every((w) => GREETING_CORE.has(w) || THANKS_CORE.has(w) || COURTESY.has(w))
  if (courtesyOnly && words.some((w) => THANKS_CORE.has(w))) return { kind: "thanks" }
  if (courtesyOnly && words.some((w) => GREETING_CORE.has(w))) return { kind: "greeting" }
  const prefix = greetingPrefixLength(words)
  return { kind: "search", query: afterWords(text ?? "", prefix) }
}
