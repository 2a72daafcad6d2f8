import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWhatsAppConversationListResponse,
  AdminWhatsAppConversationResponse,
  AdminWhatsAppMessageListResponse,
  AdminWhatsAppMessageResponse,
  AdminWhatsAppSendProductsResponse,
} from "../../types/http"
import { apiErrorMessage } from "../lib/api-error"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

/** Live updates come from polling: webhooks land on the server, the inbox asks every few seconds. */
export const POLL_MS = 3000

const BASE = "/admin/whatsapp/conversations"

export type ConversationFilters = {
  account_id?: string
  customer_id?: string
  unread?: boolean
  has_cart?: boolean
  inquiry?: boolean
  /** Handed off to a person: auto-replies paused. */
  handoff?: boolean
  /** "me", "none" (unassigned) or an admin user id. */
  assigned?: string
  status?: "open" | "closed"
  q?: string
}

/** Only "on" filters are sent: "off" means "don't filter", not "=false". */
export function conversationQuery(filters: ConversationFilters, limit: number) {
  const query: Record<string, string | number> = { limit }
  if (filters.account_id) query.account_id = filters.account_id
  if (filters.customer_id) query.customer_id = filters.customer_id
  if (filters.unread) query.unread = "true"
  if (filters.has_cart) query.has_cart = "true"
  if (filters.inquiry) query.inquiry = "true"
  if (filters.handoff) query.handoff = "true"
  if (filters.assigned) query.assigned = filters.assigned
  if (filters.status) query.status = filters.status
  if (filters.q) query.q = filters.q
  return query
}

export function useConversations(filters: ConversationFilters, limit: number, options: { poll?: boolean } = { poll: true }) {
  const query = conversationQuery(filters, limit)
  return useQuery({
    queryKey: whatsappKeys.conversations.list(query),
    queryFn: () => sdk.client.fetch<AdminWhatsAppConversationListResponse>(BASE, { query }),
    refetchInterval: options.poll ? POLL_MS : false,
    placeholderData: (previous) => previous,
  })
}

export function useConversation(id: string | null | undefined, options: { poll?: boolean } = { poll: true }) {
  return useQuery({
    queryKey: whatsappKeys.conversations.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminWhatsAppConversationResponse>(`${BASE}/${id}`),
    enabled: !!id,
    refetchInterval: options.poll ? POLL_MS : false,
  })
}

export function useMessages(id: string, limit: number) {
  return useQuery({
    queryKey: whatsappKeys.conversations.messages(id, { limit }),
    queryFn: () => sdk.client.fetch<AdminWhatsAppMessageListResponse>(`${BASE}/${id}/messages`, { query: { limit } }),
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<AdminWhatsAppConversationResponse>(`${BASE}/${id}/read`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all }),
  })
}

/** Ends a handoff: automatic replies answer the customer again. */
export function useResumeAutoReplies() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<AdminWhatsAppConversationResponse>(`${BASE}/${id}/resume`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Automatic replies resumed")
      return queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all })
    },
    onError: (error) => toast.error(`Could not resume: ${apiErrorMessage(error)}`),
  })
}

export type ReplyBody =
  | { text: string }
  | { template: { name: string; language: string; body_parameters: string[] } }

export function useSendReply(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ReplyBody) =>
      sdk.client.fetch<AdminWhatsAppMessageResponse>(`${BASE}/${conversationId}/messages`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all }),
    onError: (error) => toast.error("Message not sent", { description: apiErrorMessage(error) }),
  })
}

export type SendMediaBody = {
  type: "image" | "document"
  filename: string
  mime_type: string
  content_base64: string
  caption?: string
}

/** Sends an image or a document (base64 JSON; the route checks Meta's types and sizes). */
export function useSendMedia(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SendMediaBody) =>
      sdk.client.fetch<AdminWhatsAppMessageResponse>(`${BASE}/${conversationId}/media`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all }),
    onError: (error) => toast.error("File not sent", { description: apiErrorMessage(error) }),
  })
}

export type SendProductsBody = {
  variant_ids?: string[]
  collection_id?: string
  category_id?: string
  header?: string
  body?: string
}

export function useSendProducts(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SendProductsBody) =>
      sdk.client.fetch<AdminWhatsAppSendProductsResponse>(`${BASE}/${conversationId}/products`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all }),
    onError: (error) => toast.error("Products not sent", { description: apiErrorMessage(error) }),
  })
}

/** Links the conversation to a customer by hand (id, or an exact email looked up through the JS SDK), or unlinks it with null. */
export function useLinkCustomer(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (customer: string | null) => {
      const path = `${BASE}/${conversationId}/customer`
      if (customer === null) return sdk.client.fetch<AdminWhatsAppConversationResponse>(path, { method: "DELETE" })
      return sdk.client.fetch<AdminWhatsAppConversationResponse>(path, { method: "POST", body: { customer_id: await customerIdFor(customer) } })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.all }),
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
