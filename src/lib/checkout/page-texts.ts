import type { SupportedLanguage } from "../account-settings"
import { pick } from "../chat-format"

const T = {
  title: { en: "Checkout", es: "Finalizar compra", pt: "Finalizar compra" },
  yourCart: { en: "Your cart", es: "Tu carrito", pt: "Seu carrinho" },
  quantity: { en: "Quantity", es: "Cantidad", pt: "Quantidade" },
  remove: { en: "Remove", es: "Quitar", pt: "Remover" },
  update: { en: "Update", es: "Actualizar", pt: "Atualizar" },
  subtotal: { en: "Subtotal", es: "Subtotal", pt: "Subtotal" },
  shipping: { en: "Shipping", es: "Envío", pt: "Frete" },
  taxes: { en: "Taxes", es: "Impuestos", pt: "Impostos" },
  discount: { en: "Discount", es: "Descuento", pt: "Desconto" },
  total: { en: "Total", es: "Total", pt: "Total" },
  contact: { en: "Contact", es: "Contacto", pt: "Contato" },
  email: { en: "Email", es: "Correo electrónico", pt: "E-mail" },
  address: { en: "Shipping address", es: "Dirección de envío", pt: "Endereço de entrega" },
  firstName: { en: "First name", es: "Nombre", pt: "Nome" },
  lastName: { en: "Last name", es: "Apellidos", pt: "Sobrenome" },
  address1: { en: "Address", es: "Dirección", pt: "Endereço" },
  address2: { en: "Apartment, floor (optional)", es: "Piso, puerta (opcional)", pt: "Complemento (opcional)" },
  city: { en: "City", es: "Ciudad", pt: "Cidade" },
  postalCode: { en: "Postal code", es: "Código postal", pt: "CEP" },
  province: { en: "Province / state (optional)", es: "Provincia (opcional)", pt: "Estado (opcional)" },
  country: { en: "Country", es: "País", pt: "País" },
  phone: { en: "Phone", es: "Teléfono", pt: "Telefone" },
  phoneNeeded: {
    en: "We need a phone number for the delivery",
    es: "Necesitamos un teléfono para la entrega",
    pt: "Precisamos de um telefone para a entrega",
  },
  delivery: { en: "Delivery", es: "Entrega", pt: "Entrega" },
  noShipping: {
    en: "Choose your country and tap Update to see the delivery options.",
    es: "Elige tu país y pulsa Actualizar para ver las opciones de entrega.",
    pt: "Escolha seu país e toque em Atualizar para ver as opções de entrega.",
  },
  noDelivery: {
    en: "We don't deliver to this address yet. Check the country or write to us in WhatsApp.",
    es: "Todavía no enviamos a esta dirección. Revisa el país o escríbenos por WhatsApp.",
    pt: "Ainda não entregamos neste endereço. Verifique o país ou fale conosco no WhatsApp.",
  },
  shippingNotChosen: { en: "Added when you choose delivery", es: "Se añade al elegir la entrega", pt: "Somado ao escolher a entrega" },
  totalChanged: {
    en: "Your total is now {total} ({reason}). Check it and tap the button to pay that amount.",
    es: "Tu total ahora es {total} ({reason}). Revísalo y pulsa el botón para pagar ese importe.",
    pt: "Seu total agora é {total} ({reason}). Confira e toque no botão para pagar esse valor.",
  },
  deliveryAdded: { en: "delivery {amount} added", es: "envío de {amount} añadido", pt: "frete de {amount} somado" },
  cartChanged: { en: "the cart changed", es: "el carrito ha cambiado", pt: "o carrinho mudou" },
  payment: { en: "Payment", es: "Pago", pt: "Pagamento" },
  pay: { en: "Pay", es: "Pagar", pt: "Pagar" },
  placeOrder: { en: "Place order", es: "Hacer pedido", pt: "Fazer pedido" },
  free: { en: "Free", es: "Gratis", pt: "Grátis" },
  empty: { en: "Your cart is empty.", es: "Tu carrito está vacío.", pt: "Seu carrinho está vazio." },
  fixErrors: { en: "Please check the highlighted fields.", es: "Revisa los campos marcados.", pt: "Verifique os campos destacados." },
  secure: {
    en: "You pay on the payment provider's secure page. Your order is created once the payment is confirmed.",
    es: "Pagas en la página segura del proveedor de pago. El pedido se crea cuando se confirma el pago.",
    pt: "Você paga na página segura do provedor. O pedido é criado quando o pagamento é confirmado.",
  },
  invalidTitle: { en: "This link doesn't work", es: "Este enlace no funciona", pt: "Este link não funciona" },
  invalidBody: {
    en: "Check that you opened the whole link from WhatsApp, or ask us for a new one in the chat.",
    es: "Comprueba que has abierto el enlace completo desde WhatsApp o pídenos uno nuevo en el chat.",
    pt: "Verifique se abriu o link completo do WhatsApp ou peça um novo no chat.",
  },
  expiredTitle: { en: "This link has expired", es: "Este enlace ha caducado", pt: "Este link expirou" },
  expiredBody: {
    en: "Your cart is still saved. Write to us in WhatsApp and we'll send you a new link.",
    es: "Tu carrito sigue guardado. Escríbenos por WhatsApp y te enviamos un enlace nuevo.",
    pt: "Seu carrinho continua salvo. Escreva para nós no WhatsApp e enviaremos um novo link.",
  },
  paidTitle: { en: "This order is already placed", es: "Este pedido ya está hecho", pt: "Este pedido já foi feito" },
  doneTitle: { en: "Thank you!", es: "¡Gracias!", pt: "Obrigado!" },
  doneBody: {
    en: "Order #{n} is confirmed. We've sent the details to your WhatsApp.",
    es: "Tu pedido #{n} está confirmado. Te hemos enviado los detalles por WhatsApp.",
    pt: "Seu pedido #{n} está confirmado. Enviamos os detalhes no seu WhatsApp.",
  },
  awaitingBody: {
    en: "Order #{n} is placed. We'll ship it once the payment arrives; the details are in your WhatsApp.",
    es: "Tu pedido #{n} está hecho. Lo enviaremos en cuanto recibamos el pago; tienes los detalles en WhatsApp.",
    pt: "Seu pedido #{n} foi feito. Enviaremos assim que o pagamento chegar; os detalhes estão no seu WhatsApp.",
  },
  backToChat: { en: "Back to WhatsApp", es: "Volver a WhatsApp", pt: "Voltar ao WhatsApp" },
  processingTitle: { en: "Confirming your payment…", es: "Confirmando tu pago…", pt: "Confirmando seu pagamento…" },
  processingBody: {
    en: "This takes a few seconds. The page refreshes on its own.",
    es: "Tarda unos segundos. La página se actualiza sola.",
    pt: "Leva alguns segundos. A página se atualiza sozinha.",
  },
  cancelled: {
    en: "The payment was not completed. You can choose a payment method and try again.",
    es: "El pago no se completó. Puedes elegir un método de pago e intentarlo de nuevo.",
    pt: "O pagamento não foi concluído. Você pode escolher um método e tentar de novo.",
  },
  reopenTitle: { en: "Open your link again", es: "Abre tu enlace de nuevo", pt: "Abra seu link novamente" },
  reopenBody: {
    en: "For your privacy this page opens only from the link we sent you in WhatsApp. Tap it again to continue; if you already paid, the confirmation reaches your WhatsApp.",
    es: "Por tu privacidad, esta página solo se abre desde el enlace que te enviamos por WhatsApp. Tócalo de nuevo para continuar; si ya pagaste, la confirmación te llegará por WhatsApp.",
    pt: "Para sua privacidade, esta página só abre pelo link que enviamos no WhatsApp. Toque nele de novo para continuar; se já pagou, a confirmação chegará no seu WhatsApp.",
  },
  sessionExpired: {
    en: "This page expired. Please send the form again.",
    es: "La página caducó. Envía el formulario de nuevo.",
    pt: "A página expirou. Envie o formulário novamente.",
  },
  deliveryTitle: { en: "Delivery details", es: "Datos de entrega", pt: "Dados de entrega" },
  orderNumber: { en: "Order #{n}", es: "Pedido #{n}", pt: "Pedido #{n}" },
  saveDelivery: { en: "Save delivery details", es: "Guardar datos de entrega", pt: "Salvar dados de entrega" },
  deliveryLocked: {
    en: "Your order is on its way, so this address can no longer be changed here. Write to us in WhatsApp if something is wrong.",
    es: "Tu pedido ya está en camino: esta dirección ya no se puede cambiar aquí. Escríbenos por WhatsApp si algo no está bien.",
    pt: "Seu pedido já está a caminho: este endereço não pode mais ser alterado aqui. Fale conosco no WhatsApp se algo estiver errado.",
  },
  deliverySavedTitle: { en: "Thank you!", es: "¡Gracias!", pt: "Obrigado!" },
  deliverySavedBody: {
    en: "We'll deliver order #{n} to this address. You can open the link again to change it until the order ships.",
    es: "Enviaremos el pedido #{n} a esta dirección. Puedes abrir el enlace de nuevo para cambiarla hasta que salga el pedido.",
    pt: "Entregaremos o pedido #{n} neste endereço. Você pode abrir o link de novo para alterá-lo até o pedido ser enviado.",
  },
  deliveryExpiredBody: {
    en: "Your order is placed. Write to us in WhatsApp to give or change the delivery details.",
    es: "Tu pedido está hecho. Escríbenos por WhatsApp para dar o cambiar los datos de entrega.",
    pt: "Seu pedido foi feito. Fale conosco no WhatsApp para informar ou alterar os dados de entrega.",
  },
  required: { en: "Required", es: "Obligatorio", pt: "Obrigatório" },
  invalidEmail: { en: "Enter a valid email", es: "Escribe un correo válido", pt: "Digite um e-mail válido" },
  tooLong: { en: "Too long", es: "Demasiado largo", pt: "Muito longo" },
  chooseCountry: { en: "Choose a country", es: "Elige un país", pt: "Escolha um país" },
  chooseShipping: { en: "Choose a delivery option", es: "Elige una opción de entrega", pt: "Escolha uma opção de entrega" },
  choosePayment: { en: "Choose a payment method", es: "Elige un método de pago", pt: "Escolha um método de pagamento" },
  badQuantity: { en: "Enter a quantity from 0 to 99", es: "Escribe una cantidad de 0 a 99", pt: "Digite uma quantidade de 0 a 99" },
  paymentUnavailable: {
    en: "This payment method is not available right now. Please choose another one.",
    es: "Este método de pago no está disponible ahora. Elige otro.",
    pt: "Este método de pagamento não está disponível agora. Escolha outro.",
  },
  cashOrTransfer: { en: "Cash on delivery or bank transfer", es: "Contra reembolso o transferencia", pt: "Pagamento na entrega ou transferência" },
  card: { en: "Card (Stripe)", es: "Tarjeta (Stripe)", pt: "Cartão (Stripe)" },
  razorpay: { en: "UPI, cards, netbanking (Razorpay)", es: "UPI, tarjetas (Razorpay)", pt: "UPI, cartões (Razorpay)" },
} satisfies Record<string, Record<SupportedLanguage, string>>

export type PageTextKey = keyof typeof T

export function pageText(lang: SupportedLanguage, key: PageTextKey, vars: Record<string, string | number> = {}): string {
  return pick(lang, T[key]).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""))
}

/** How a payment provider is shown to the customer; unknown ones by their id. */
export function providerLabel(lang: SupportedLanguage, providerId: string): string {
  if (providerId === "pp_system_default" || providerId.startsWith("pp_system")) return pageText(lang, "cashOrTransfer")
  if (providerId.startsWith("pp_stripe")) return pageText(lang, "card")
  if (providerId.startsWith("pp_razorpay")) return pageText(lang, "razorpay")
  if (providerId.startsWith("pp_paypal")) return "PayPal"
  return providerId.replace(/^pp_/, "").replace(/[_-]+/g, " ")
}

export const LOCALE: Record<SupportedLanguage, string> = { en: "en", es: "es", pt: "pt" }
