import { Text, clx } from "@medusajs/ui"
import { CartCard, cartForMessage } from "./cart-card"
import { fullTime, messageTime } from "./inbox-format"
import type { AdminWhatsAppListedCart as ListedCart, AdminWhatsAppMessage as Message } from "../../../types/http"
import { MessageStatusTicks } from "./message-status-ticks"
import { MessageMedia } from "./message-media"
import { ProductCard } from "./product-card"
import { EditedMark, MessageContextHeader, pendingActionLabel, ReactionChip } from "./message-lifecycle"

const INTERACTIVE_LABELS: Record<string, string> = {
  product: "Product card",
  product_list: "Product list",
  catalog_message: "Catalog",
  cta_url: "Link button",
  button: "Reply buttons",
  list: "List",
}

/** A short label for what isn't plain text, so every bubble says what the customer saw or sent. */
function kindLabel(message: Message): string | null {
  const payload = message.payload
  const pending = pendingActionLabel(message)
  if (pending) return pending
  if (message.type === "template") return `Template: ${payload?.template?.name ?? "unknown"}`
  if (message.type === "interactive" && message.direction === "outbound") {
    const type = payload?.interactive?.type ?? ""
    return INTERACTIVE_LABELS[type] ?? "Interactive message"
  }
  if (["image", "video", "audio", "document", "sticker", "location", "contacts"].includes(message.type)) {
    return message.type[0].toUpperCase() + message.type.slice(1)
  }
  if (!["text", "interactive", "button", "order", "reaction"].includes(message.type)) return `Unsupported: ${message.type}`
  return null
}

/** The readable text: the stored preview, else the body we sent. */
function bodyText(message: Message) {
  return message.text ?? message.payload?.interactive?.body?.text ?? message.payload?.text?.body ?? null
}

type Props = { message: Message; carts: ListedCart[] | undefined }

export const MessageBubble = ({ message, carts }: Props) => {
  const outbound = message.direction === "outbound"
  const label = kindLabel(message)
  const text = message.revoked ? null : bodyText(message)
  const isProductQuestion = !outbound && !!(message.referred_product_id || message.referred_retailer_id)
  const failed = message.status === "failed"

  return (
    <div
      className={clx("flex w-full", outbound ? "justify-end" : "justify-start")}
      data-testid="message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-type={message.type}
      data-status={message.status}
    >
      <div
        className={clx(
          "flex max-w-[75%] flex-col rounded-xl px-3 py-2",
          outbound ? "bg-ui-bg-highlight rounded-br-sm" : "bg-ui-bg-component rounded-bl-sm",
          failed && "shadow-borders-error"
        )}
      >
        {label && <Text size="xsmall" weight="plus" className="text-ui-fg-muted">{label}</Text>}
        <MessageMedia message={message} />
        <MessageContextHeader message={message} />
        {text && message.type !== "order" && (
          <Text size="small" className="whitespace-pre-wrap break-words" data-testid="message-text">
            {text}
          </Text>
        )}
        {message.type === "order" && (
          <>
            {text && <Text size="small" className="whitespace-pre-wrap break-words">{text}</Text>}
            <CartCard message={message} cart={cartForMessage(message, carts)} />
          </>
        )}
        {isProductQuestion && (
          <ProductCard productId={message.referred_product_id} retailerId={message.referred_retailer_id} />
        )}
        {(message.error_code || message.error_message) && (
          <Text size="xsmall" className="mt-1 text-ui-fg-error" data-testid="message-error">
            {message.error_code && <span className="font-mono">#{message.error_code} </span>}
            {message.error_message ?? "Meta did not accept this message."}
          </Text>
        )}
        {!outbound && message.handle_error && (
          <Text size="xsmall" className="mt-1 text-ui-fg-subtle" data-testid="message-handle-note">
            {message.handle_error}
          </Text>
        )}
        <div className="mt-1 flex items-center justify-end gap-1.5">
          {message.echo && (
            <Text size="xsmall" className="text-ui-fg-muted" data-testid="message-echo">
              from the WhatsApp Business app ·
            </Text>
          )}
          {message.pricing_category && (
            <Text size="xsmall" className="text-ui-fg-muted" data-testid="message-pricing" title={`Meta pricing: ${message.pricing_model ?? "?"}, ${message.pricing_type ?? "?"}`}>
              {message.pricing_category}
              {message.pricing_billable === false ? " (free)" : ""} ·
            </Text>
          )}
          <EditedMark message={message} />
          <Text size="xsmall" className="text-ui-fg-muted" title={fullTime(message.created_at)}>
            {messageTime(message.created_at)}
          </Text>
          {outbound && <MessageStatusTicks status={message.status} />}
        </div>
        <ReactionChip message={message} />
      </div>
    </div>
  )
}
