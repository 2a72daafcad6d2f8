import { detectLanguage } from "../language"

describe("detectLanguage", () => {
  it.each([
    ["hola", "es"],
    ["¿La tenéis en talla M? ¿Cuánto tarda el envío?", "es"],
    ["cuánto cuesta el envío?", "es"],
    ["Olá!", "pt"],
    ["obrigado", "pt"],
    ["Vocês entregam no sábado? Quero duas camisetas", "pt"],
    ["something in english", "en"],
    ["hello, do you have this in M?", "en"],
    ["Thank you!", "en"],
    ["Hi there!", "en"],
    ["where is my order?", "en"],
    ["Olá! Vocês têm na cor azul?", "pt"],
    ["¿Dónde está mi pedido? Lo necesito para el viernes", "es"],
  ])("reads %j as %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it.each(["", "ok", "camiseta", "M", "123", "👍"])("doesn't guess from %j", (text) => {
    expect(detectLanguage(text)).toBeNull()
  })
})
