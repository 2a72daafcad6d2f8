import { Button, FocusModal, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { CollectionCategoryPicker, type GroupKind } from "./collection-category-picker"
import type { AdminWhatsAppSendProductsResponse as SendProductsResult } from "../../../types/http"
import { type SendProductsBody, useSendProducts } from "../../hooks/conversations"
import { ProductVariantPicker } from "./product-variant-picker"

type Mode = "products" | GroupKind

const MODES: { mode: Mode; label: string }[] = [
  { mode: "products", label: "Products" },
  { mode: "collection", label: "Collection" },
  { mode: "category", label: "Category" },
]

type Props = {
  conversationId: string
  catalogId: string | null
  /** Why sending is impossible right now (closed window, opt-out, no catalog); null when it's possible. */
  disabledReason: string | null
}

/** Sends product cards / lists into the chat; only variants synced to Meta's catalog can be shown there. */
export const SendProductsModal = ({ conversationId, catalogId, disabledReason }: Props) => {
  const [open, setOpen] = useState(false)
  const [mode, setMode] = useState<Mode>("products")
  const [variantIds, setVariantIds] = useState<Set<string>>(new Set())
  const [groupId, setGroupId] = useState<string | null>(null)
  const [header, setHeader] = useState("")
  const [body, setBody] = useState("")
  const send = useSendProducts(conversationId)

  const reset = () => {
    setMode("products")
    setVariantIds(new Set())
    setGroupId(null)
    setHeader("")
    setBody("")
  }

  const toggleVariant = (id: string, checked: boolean) =>
    setVariantIds((current) => {
      const next = new Set(current)
      if (checked) next.add(id)
      else next.delete(id)
      return next
    })

  const ready = mode === "products" ? variantIds.size > 0 : !!groupId

  const submit = () => {
    if (!ready) return
    const request: SendProductsBody = {
      ...(mode === "products" ? { variant_ids: [...variantIds] } : {}),
      ...(mode === "collection" && groupId ? { collection_id: groupId } : {}),
      ...(mode === "category" && groupId ? { category_id: groupId } : {}),
      ...(header.trim() ? { header: header.trim() } : {}),
      ...(body.trim() ? { body: body.trim() } : {}),
    }
    send.mutate(request, {
      onSuccess: (result) => {
        reportResult(result)
        setOpen(false)
        reset()
      },
    })
  }

  return (
    <FocusModal open={open} onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}>
      <FocusModal.Trigger asChild>
        <Button
          size="small"
          variant="secondary"
          disabled={!!disabledReason}
          title={disabledReason ?? "Send product cards into this chat"}
          data-testid="send-products"
        >
          Send products
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content data-testid="send-products-modal">
        <FocusModal.Header>
          <Button size="small" onClick={submit} disabled={!ready} isLoading={send.isPending} data-testid="send-products-confirm">
            {mode === "products" && variantIds.size ? `Send ${variantIds.size} variant(s)` : "Send"}
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="overflow-y-auto">
          <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-6 py-8">
            <div>
              <FocusModal.Title asChild>
                <Heading level="h2">Send products</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Pick variants, or a whole collection or category. Only variants synced to the WhatsApp catalog can be sent.
                </Text>
              </FocusModal.Description>
            </div>
            <div className="flex gap-2" role="tablist">
              {MODES.map((m) => (
                <Button
                  key={m.mode}
                  size="small"
                  role="tab"
                  aria-selected={mode === m.mode}
                  variant={mode === m.mode ? "primary" : "secondary"}
                  onClick={() => {
                    setMode(m.mode)
                    setGroupId(null)
                  }}
                  data-testid={`send-mode-${m.mode}`}
                >
                  {m.label}
                </Button>
              ))}
            </div>
            {mode === "products" ? (
              <ProductVariantPicker catalogId={catalogId} selected={variantIds} onToggle={toggleVariant} />
            ) : (
              <CollectionCategoryPicker key={mode} kind={mode} selectedId={groupId} onSelect={setGroupId} />
            )}
            <div className="flex flex-col gap-3 border-t pt-6">
              <div className="flex flex-col gap-1">
                <Label size="small" htmlFor="send-products-header">Header (optional, lists only)</Label>
                <Input id="send-products-header" size="small" maxLength={60} value={header} onChange={(e) => setHeader(e.target.value)} />
              </div>
              <div className="flex flex-col gap-1">
                <Label size="small" htmlFor="send-products-body">Message (optional)</Label>
                <Textarea id="send-products-body" maxLength={1024} value={body} onChange={(e) => setBody(e.target.value)} />
              </div>
            </div>
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

/** The server leaves unsynced variants out rather than failing: say which, so the merchant can fix them. */
function reportResult(result: SendProductsResult) {
  const sent = result.sent_variant_ids.length
  toast.success("Products sent", {
    description: `${result.message_ids.length} message(s) queued${sent ? ` with ${sent} variant(s)` : ""}.`,
  })
  if (result.unsynced.length) {
    const shown = result.unsynced.slice(0, 5).map((u) => `${u.variant_id}: ${u.reason}`)
    const more = result.unsynced.length - shown.length
    toast.warning(`${result.unsynced.length} variant(s) not sent`, {
      description: (
        <ul data-testid="unsynced-list">
          {shown.map((line) => <li key={line}>{line}</li>)}
          {more > 0 && <li>…and {more} more</li>}
        </ul>
      ),
      duration: 10_000,
    })
  }
}
