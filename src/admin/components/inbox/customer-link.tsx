import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { formatDateTime } from "../catalog/format"
import { useLinkCustomer } from "../../hooks/conversations"
import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"

const METHOD_LABEL: Record<string, string> = {
  whatsapp_created: "Created from WhatsApp",
  verified_by_customer: "Verified by the customer",
  linked_by_admin: "Linked by an admin",
}

/**
 * Which Medusa customer the conversation's carts and orders go to, and how
 * that was proven. An unverified link (made by phone match before proof was
 * required) is shown but not used; the admin can link or unlink by hand.
 */
export const CustomerLink = ({ conversation }: { conversation: Conversation }) => {
  const [value, setValue] = useState("")
  const link = useLinkCustomer(conversation.id)
  const method = conversation.customer_link_method
  const proven = !!conversation.customer_id && !!method && method in METHOD_LABEL

  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-2" data-testid="customer-link" data-method={method ?? "none"}>
      {conversation.customer_id ? (
        <>
          <Badge size="2xsmall" color={proven ? "green" : "orange"}>
            {proven ? METHOD_LABEL[method!] : "Unverified: not used"}
          </Badge>
          <Link to={`/customers/${conversation.customer_id}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
            Customer
          </Link>
          {conversation.customer_linked_at && (
            <Text size="small" className="text-ui-fg-subtle">
              {formatDateTime(conversation.customer_linked_at)}
              {method === "linked_by_admin" && conversation.customer_linked_by && ` by ${conversation.customer_linked_by}`}
            </Text>
          )}
          <Button size="small" variant="transparent" isLoading={link.isPending} onClick={() => link.mutate(null)}>
            Unlink
          </Button>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">No customer linked</Text>
      )}
      <form
        className="ml-auto flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim()) link.mutate(value, { onSuccess: () => setValue("") })
        }}
      >
        <Input size="small" placeholder="Customer email or ID" value={value} onChange={(e) => setValue(e.target.value)} />
        <Button size="small" variant="secondary" type="submit" isLoading={link.isPending} disabled={!value.trim()}>
          Link
        </Button>
      </form>
    </div>
  )
}
