import { apiErrorMessage } from "../../lib/api-error"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  Conversation,
  InboxAccount,
  Message,
  SendProductsBody,
  SendProductsResult,
  TemplateSummary,
  WhatsappCart,
} from "./inbox-types"

/** Live updates come from polling: webhooks land on the server, the inbox asks every few seconds. */
export const POLL_MS = 3000

const BASE = "/admin/whatsapp"
const keys = {
  all: ["whatsapp", "inbox"] as const,
  conversations: (filters: object) => ["whatsapp", "inbox", "conversations", filters] as const,
  conversation: (id: string) => ["whatsapp", "inbox", "conversation", id] as const,
  messages: (id: string, limit: number) => ["whatsapp", "inbox", "messages", id, limit] as const,
  carts: (id: string) => ["whatsapp", "inbox", "carts", id] as const,
}

export type ConversationFilters = {
  account_id?: string
  unread?: boolean
  has_cart?: boolean
  inquiry?: boolean
}

export function useAccounts() {
  return useQuery({
    queryKey: ["whatsapp", "accounts"],
    queryFn: () => sdk.client.fetch<{ accounts: InboxAccount[] }>(`${BASE}/accounts`),
  })
}

export function useConversations(filters: ConversationFilters, limit: number) {
  // Only "on" filters are sent: "off" means "don't filter", not "=false".
  const query: Record<string, string | number> = { limit }
  if (filters.account_id) query.account_id = filters.account_id
  if (filters.unread) query.unread = "true"
  if (filters.has_cart) query.has_cart = "true"
  if (filters.inquiry) query.inquiry = "true"
  return useQuery({
    queryKey: keys.conversations(query),
    queryFn: () =>
      sdk.client.fetch<{ conversations: Conversation[]; count: number }>(`${BASE}/conversations`, { query }),
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  })
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: keys.conversation(id ?? ""),
    queryFn: () => sdk.client.fetch<{ conversation: Conversation }>(`${BASE}/conversations/${id}`),
    enabled: !!id,
    refetchInterval: POLL_MS,
  })
}

export function useMessages(id: string, limit: number) {
  return useQuery({
    queryKey: keys.messages(id, limit),
    queryFn: () =>
      sdk.client.fetch<{ messages: Message[]; count: number }>(`${BASE}/conversations/${id}/messages`, {
        query: { limit },
      }),
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  })
}

export function useConversationCarts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.carts(id),
    queryFn: () =>
      sdk.client.fetch<{ carts: WhatsappCart[] }>(`${BASE}/carts`, { query: { conversation_id: id, limit: 200 } }),
    enabled,
    refetchInterval: POLL_MS * 2,
  })
}

export function useTemplates(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["whatsapp", "templates", accountId],
    queryFn: () => sdk.client.fetch<{ templates: TemplateSummary[] }>(`${BASE}/accounts/${accountId}/templates`),
    enabled,
    // Templates change rarely and the call goes to Meta: don't repeat it on every render.
    staleTime: 60_000,
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`${BASE}/conversations/${id}/read`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export type ReplyBody =
  | { text: string }
  | { template: { name: string; language: string; body_parameters: string[] } }

export function useSendReply(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ReplyBody) =>
      sdk.client.fetch<{ message: Message }>(`${BASE}/conversations/${conversationId}/messages`, {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    onError: (error) => toast.error("Message not sent", { description: apiErrorMessage(error) }),
  })
}

export function useSendProducts(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SendProductsBody) =>
      sdk.client.fetch<SendProductsResult>(`${BASE}/conversations/${conversationId}/products`, {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    onError: (error) => toast.error("Products not sent", { description: apiErrorMessage(error) }),
  })
}

/** Links the conversation to a customer by hand (id, or an exact email looked up through the JS SDK), or unlinks it with null. */
export function useLinkCustomer(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (customer: string | null) => {
      const path = `${BASE}/conversations/${conversationId}/customer`
      if (customer === null) return sdk.client.fetch<{ conversation: Conversation }>(path, { method: "DELETE" })
      return sdk.client.fetch<{ conversation: Conversation }>(path, { method: "POST", body: { customer_id: await customerIdFor(customer) } })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    onError: (error) => toast.error("Customer link not changed", { description: apiErrorMessage(error) }),
  })
}

async function customerIdFor(input: string): Promise<string> {
  const value = input.trim()
  if (!value.includes("@")) return value
  const { customers } = await sdk.admin.customer.list({ q: value, limit: 20 })
  const match = customers.filter((c) => c.email?.toLowerCase() === value.toLowerCase())
  if (match.length !== 1) throw new Error(match.length ? `${match.length} customers have this email: use the customer's ID` : "No customer has this email")
  return match[0].id
}
