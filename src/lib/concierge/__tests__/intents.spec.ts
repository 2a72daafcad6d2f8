import { classifyIntent } from "../intents"

const kinds = (texts: string[]) => texts.map((t) => [t, classifyIntent(t)])
const expectAll = (texts: string[], expected: object) => {
  for (const [text, intent] of kinds(texts)) expect({ text, intent }).toEqual({ text, intent: expected })
}

describe("classifyIntent", () => {
  it("knows greetings in es/pt/en, alone or with courtesy words", () => {
    expectAll(
      ["hola", "¡Hola!", "Buenas", "buenos días", "Buenas tardes 👋", "hola, ¿qué tal?", "holi", "Olá", "oi", "Bom dia!", "boa noite", "oi, tudo bem?", "hi", "Hello!", "hey there", "Good morning", "hi, how are you?"],
      { kind: "greeting" }
    )
  })

  it("knows thanks in es/pt/en", () => {
    expectAll(
      ["gracias", "¡Muchas gracias!", "ok gracias", "perfecto, mil gracias", "obrigado", "Obrigada!", "valeu", "muito obrigado pela ajuda", "thanks", "Thank you so much!", "thx", "great, thanks", "hola, gracias"],
      { kind: "thanks" }
    )
  })

  it("knows questions about shipping", () => {
    expectAll(
      ["¿Cuánto cuesta el envío?", "hacéis envíos a Canarias?", "cuánto tarda en llegar?", "gastos de envío", "Qual o valor do frete?", "vocês enviam para Portugal?", "quanto tempo demora a entrega?", "How much is shipping?", "do you ship to Canada?", "how long does delivery take?"],
      { kind: "faq", topic: "shipping" }
    )
  })

  it("knows questions about returns", () => {
    expectAll(
      ["¿Puedo devolver un producto?", "política de devoluciones", "¿se puede cambiar la talla?", "como faço uma troca?", "aceitam devolução?", "quero reembolso", "What is your return policy?", "can I get a refund?", "exchanges?"],
      { kind: "faq", topic: "returns" }
    )
  })

  it("knows questions about payment methods", () => {
    expectAll(
      ["¿Qué formas de pago tenéis?", "¿puedo pagar con tarjeta?", "aceptan bizum?", "pago contra reembolso?", "Aceitam pix?", "quais as formas de pagamento?", "posso pagar no boleto?", "Which payment methods do you accept?", "can I pay with PayPal?", "do you accept credit card?"],
      { kind: "faq", topic: "payment" }
    )
  })

  it("knows questions about opening hours", () => {
    expectAll(
      ["¿Qué horario tenéis?", "¿a qué hora abren?", "¿estáis abiertos el domingo?", "qual o horário de funcionamento?", "que horas vocês abrem?", "What are your opening hours?", "are you open on Sunday?", "what time do you close?"],
      { kind: "faq", topic: "hours" }
    )
  })

  it("knows 'where is my order'", () => {
    expectAll(
      ["¿Dónde está mi pedido?", "estado de mi pedido", "cuándo llega mi compra?", "¿me dais el seguimiento?", "Onde está meu pedido?", "quando chega minha encomenda?", "código de rastreio", "Where is my order?", "order status", "track my package", "when will my order arrive?"],
      { kind: "order_status" }
    )
  })

  it("knows a request for a person", () => {
    expectAll(
      ["Quiero hablar con una persona", "¿puedo hablar con alguien?", "un agente por favor", "atención al cliente", "hablar con un humano", "quero falar com um atendente", "falar com uma pessoa", "atendimento humano", "I want to talk to a person", "can I speak to someone?", "human please", "customer service", "agent"],
      { kind: "human" }
    )
  })

  it("leaves product queries to the search, a leading greeting removed", () => {
    for (const [text, query] of [
      ["camiseta roja", "camiseta roja"],
      ["camiseta roja M", "camiseta roja M"],
      ["hola, busco zapatillas", "busco zapatillas"],
      ["Buenas tardes, ¿tenéis sudaderas grises?", "tenéis sudaderas grises?"],
      ["quiero 2 sudaderas", "quiero 2 sudaderas"],
      ["oi, tem calça jeans?", "tem calça jeans?"],
      ["red t-shirt", "red t-shirt"],
      ["hi, I'm looking for running shoes", "I'm looking for running shoes"],
      ["I want to order a blue hoodie", "I want to order a blue hoodie"],
      ["pantalón chino beige 42", "pantalón chino beige 42"],
      ["guarda-chuva", "guarda-chuva"],
      ["mat de yoga", "mat de yoga"],
      ["ok", "ok"],
    ]) {
      expect({ text, intent: classifyIntent(text) }).toEqual({ text, intent: { kind: "search", query } })
    }
  })

  it("says a text with nothing in it is empty", () => {
    expect(classifyIntent("  ¿?! ")).toEqual({ kind: "empty" })
    expect(classifyIntent(null)).toEqual({ kind: "empty" })
  })
})
