import { fold } from "./text"

/**
 * Words that never describe a product, in es, pt and en: articles and
 * pronouns, "I want / do you have", greetings, thanks, chit-chat, question
 * words, and the words of questions about the shop itself (shipping, returns,
 * payment, orders, opening hours). A message made only of these finds
 * nothing; in a product question they are skipped ("¿cuánto cuesta el envío
 * de la sudadera kumo?" looks for "sudadera kumo").
 */
const WORDS = [
  // es: articles, pronouns, prepositions, verbs of wanting and having
  "quiero", "quisiera", "queria", "busco", "buscando", "buscaba", "necesito", "necesitaba", "tienes", "teneis", "tienen", "tiene",
  "tenes", "hay", "me", "mi", "mis", "te", "tu", "tus", "su", "sus", "se", "le", "les", "nos", "yo", "usted", "ustedes", "vosotros",
  "un", "una", "unos", "unas", "el", "la", "los", "las", "lo", "de", "del", "en", "para", "por", "con", "y", "o", "u", "que",
  "algo", "alguna", "alguno", "algun", "comprar", "compro", "ver", "tengo", "es", "al", "esta", "este", "esto", "estos", "estas",
  "eso", "esa", "ese", "muy", "mas", "pero", "si", "no", "ya", "aun", "tambien", "hacer", "hace", "hago", "puedo", "puedes", "puede",
  "podria", "podrias", "pueden", "quieres", "gustaria", "encantaria", "saber", "sabes", "dime", "decir", "mandame", "manda",
  "envia", "enviar", "enviame", "pasame", "ensename", "mostrar", "muestrame", "ofrecen", "venden", "vendes", "vende", "hola",
  "buenas", "buenos", "tardes", "saludos", "holi", "holaa", "hey", "ey", "que", "tal", "como", "estas", "estan",
  "va", "todo", "bien", "gracias", "muchas", "mil", "porfa", "porfavor", "favor", "vale", "ok", "okay", "okey", "genial",
  "perfecto", "perfecta", "estupendo", "claro", "venga", "adios", "chao", "chau", "hasta", "luego", "pronto", "jaja", "jajaja",
  "jeje", "xd", "cuanto", "cuanta", "cuantos", "cuantas", "cuando", "donde", "cual", "cuales", "quien", "porque", "cuesta",
  "cuestan", "vale", "valen", "precio", "precios", "coste", "costo", "tarda", "tardan", "tardara", "demora", "llega", "llegan",
  "llegara", "envio", "envios", "enviais", "envian", "gastos", "devolucion", "devoluciones", "devolver", "cambio", "cambios",
  "cambiar", "reembolso", "pedido", "pedidos", "orden", "compra", "seguimiento", "rastrear", "estado", "pago", "pagos", "pagar",
  "tarjeta", "transferencia", "efectivo", "bizum", "horario", "horarios", "abierto", "abren", "cierran", "tienda", "tiendas",
  "direccion", "ubicacion", "ayuda", "ayudar", "ayudame", "persona", "humano", "agente", "hablar", "llamar", "contacto",
  "gracia", "amable", "amigo", "amiga", "oye", "mira", "pues", "entonces", "vale", "igualmente", "tambien", "nada", "mucho",
  "poco", "hoy", "manana", "ayer", "ahora", "semana", "tiempo", "vez", "veces", "aqui", "alli", "ahi", "llegar", "haceis",
  "hacen", "aceptan", "aceptais", "producto", "productos", "articulo", "articulos",
  // pt
  "quero", "queria", "procuro", "procurando", "preciso", "precisava", "tem", "tens", "voces", "voce", "vcs", "vc", "um", "uma",
  "uns", "umas", "os", "as", "o", "a", "do", "da", "dos", "das", "no", "na", "nos", "nas", "pra", "pro", "com", "e", "ou",
  "ai", "gostaria", "ter", "eu", "meu", "minha", "meus", "minhas", "seu", "sua", "isso", "isto", "esse", "essa", "aquele", "muito",
  "mais", "mas", "sim", "nao", "ja", "tambem", "fazer", "posso", "pode", "podem", "poderia", "saber", "quanto", "quanta",
  "quantos", "quantas", "quando", "onde", "qual", "quais", "quem", "porque", "por", "custa", "custam", "preco", "precos",
  "valor", "frete", "entrega", "entregas", "envio", "prazo", "demora", "chega", "chegar", "devolucao", "devolver", "troca",
  "trocar", "reembolso", "pedido", "pedidos", "compra", "rastreio", "rastrear", "status", "pagamento", "pagar", "cartao",
  "boleto", "pix", "parcelar", "parcela", "horario", "aberto", "abre", "fecha", "loja", "lojas", "endereco", "ajuda", "ajudar",
  "pessoa", "atendente", "humano", "falar", "ligar", "contato", "oi", "ola", "olaa", "bom", "boa", "tarde", "noite",
  "tudo", "bem", "beleza", "blz", "obrigado", "obrigada", "valeu", "brigado", "agradeco", "tchau", "ate", "logo", "kkk",
  "kkkk", "rs", "haha", "hahaha", "ok", "certo", "perfeito", "otimo", "legal", "show", "entao", "tipo", "nada", "hoje",
  "amanha", "agora", "semana", "aqui", "ali", "la", "vou", "vai", "estou", "esta", "estao", "sou", "ser", "foi", "como",
  "mandar", "manda", "me", "te", "se", "lhe", "nossa", "gente", "moco", "moca", "amigo", "amiga", "atendimento", "cade",
  "aceitam", "aceita", "produto", "produtos", "faco", "faz", "mais",
  // en
  "i", "im", "ive", "id", "me", "my", "mine", "we", "our", "us", "want", "wanted", "need", "needed", "looking", "look", "for",
  "an", "the", "some", "of", "in", "on", "at", "by", "from", "with", "and", "or", "but", "please", "pls", "plz",
  "do", "does", "did", "you", "your", "yours", "have", "has", "had", "hi", "hello", "hey", "hiya", "yo", "any", "show", "buy",
  "get", "got", "to", "is", "are", "was", "were", "be", "been", "would", "could", "can", "will", "should", "like", "a", "it",
  "its", "this", "that", "these", "those", "there", "here", "what", "whats", "when", "where", "wheres", "which", "who", "why",
  "how", "hows", "much", "many", "cost", "costs", "price", "prices", "shipping", "ship", "ships", "delivery", "deliver",
  "delivered", "arrive", "arrives", "return", "returns", "refund", "refunds", "exchange", "order", "orders", "ordered",
  "tracking", "track", "status", "payment", "payments", "pay", "paypal", "card", "cash", "open", "opening", "hours", "close",
  "closing", "store", "shop", "address", "help", "talk", "speak", "person", "human", "agent", "someone", "call", "contact",
  "thanks", "thank", "thx", "ty", "cheers", "good", "morning", "afternoon", "evening", "today", "tomorrow",
  "now", "week", "time", "ok", "okay", "cool", "great", "nice", "awesome", "perfect", "bye", "goodbye", "see", "later", "lol",
  "haha", "so", "just", "also", "too", "very", "really", "not", "no", "yes", "yeah", "sure", "fine", "well", "doing", "going",
  "take", "takes", "able", "know", "tell", "send", "am", "about", "all", "anything", "something", "thing", "things",
  "guys", "friend", "sorry", "again", "still", "yet", "if", "then", "than", "policy", "product", "products", "item", "items",
  "accept", "there", "lot", "lots", "alot",
]

const FILLER = new Set(WORDS.map(fold))

/** Greetings whose second word could name a product ("crema de noche", "Day Cream"). */
const GREETINGS = [
  "buenos dias", "buen dia", "buenas noches", "buenas tardes", "bom dia", "boa noite", "boa tarde", "good day", "good night",
  "have a nice day", "que tengas un buen dia", "tenha um bom dia", "feliz dia",
]
const GREETING_RE = new RegExp(`\\b(${GREETINGS.map(fold).join("|")})\\b`, "g")

/** A folded text without its greetings. */
export function withoutGreetings(folded: string): string {
  return folded.replace(GREETING_RE, " ").replace(/\s+/g, " ").trim()
}

/**
 * Words of questions about the shop rather than a product. A message with one
 * of them and no product noun is a question for the merchant ("how long does
 * shipping take?"), not a search.
 */
const SERVICE = new Set(
  [
    "envio", "envios", "gastos", "devolucion", "devoluciones", "reembolso", "pedido", "pedidos", "seguimiento", "pago", "pagos",
    "horario", "horarios", "frete", "entrega", "entregas", "prazo", "devolucao", "troca", "rastreio", "pagamento", "shipping",
    "delivery", "return", "returns", "refund", "order", "orders", "tracking", "payment", "hours", "ship", "deliver", "arrive",
  ].map(fold)
)

export function isServiceWord(foldedWord: string): boolean {
  return SERVICE.has(foldedWord)
}

/** Words that may name a product only together with others; alone they are filler. */
export function isFiller(foldedWord: string): boolean {
  return FILLER.has(foldedWord)
}
