import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import type {
  AdminUpdateWhatsAppConversationRequest,
  AdminWhatsAppCannedReplyListResponse,
  AdminWhatsAppCannedReplyResponse,
  AdminWhatsAppConversationChangesResponse,
  AdminWhatsAppConversationListResponse,
  AdminWhatsAppConversationNoteListResponse,
  AdminWhatsAppConversationNoteResponse,
  AdminWhatsAppConversationResponse,
  AdminWhatsAppRenderedCannedReplyResponse,
} from "../../types/http"
import { type InboxView, mergeInboxChanges } from "../../lib/inbox/merge-changes"
import { apiErrorMessage } from "../lib/api-error"
import { sdk } from "../lib/sdk"
import { POLL_MS } from "./conversations"
import { whatsappKeys } from "./keys"

const BASE = "/admin/whatsapp/conversations"
const CANNED = "/admin/whatsapp/canned-replies"

/** The admin users a conversation can be assigned to, and who is looking (Medusa's JS SDK). */
export function useAdminUsers() {
  return useQuery({ queryKey: whatsappKeys.medusa.users(), queryFn: () => sdk.admin.user.list({ limit: 100 }), staleTime: 60_000 })
}

export function useCurrentUser() {
  return useQuery({ queryKey: whatsappKeys.medusa.me(), queryFn: () => sdk.admin.user.me(), staleTime: 5 * 60_000 })
}

/**
 * The conversation list kept live by the changed-since query: loaded once,
 * then every few seconds only what changed since the last answer is asked
 * for and filed into the list (lib/inbox/merge-changes). Too many changes at
 * once (`more`) reload the list. A search (`q`) cannot be re-filed on the
 * client, so a searched list polls whole.
 */
export function useLiveConversations(query: Record<string, string | number>, view: InboxView | null) {
  const queryClient = useQueryClient()
  const listKey = whatsappKeys.conversations.list(query)
  const searching = "q" in query
  const list = useQuery({
    queryKey: listKey,
    queryFn: () => sdk.client.fetch<AdminWhatsAppConversationListResponse>(BASE, { query }),
    refetchInterval: searching ? POLL_MS : false,
    placeholderData: (previous) => previous,
  })
  const cursor = useRef<string | null>(null)
  // A full load brings its own cursor; later polls move it on.
  useEffect(() => {
    cursor.current = list.data?.cursor ?? null
  }, [list.dataUpdatedAt])

  useQuery({
    queryKey: whatsappKeys.conversations.changes(query),
    enabled: !searching && !!list.data,
    refetchInterval: POLL_MS,
    queryFn: async () => {
      const since = cursor.current
      if (!since) return null
      const changes = await sdk.client.fetch<AdminWhatsAppConversationChangesResponse>(BASE, { query: { updated_since: since, limit: 200 } })
      if (!changes.next_cursor || (!view && (changes.conversations.length || changes.removed_ids.length))) {
        await queryClient.invalidateQueries({ queryKey: listKey })
        return changes
      }
      cursor.current = changes.next_cursor
      if (changes.conversations.length || changes.removed_ids.length) {
        queryClient.setQueryData<AdminWhatsAppConversationListResponse>(listKey, (current) => {
          if (!current || !view) return current
          const merged = mergeInboxChanges({ rows: current.conversations, count: current.count }, changes, view)
          return { ...current, conversations: merged.rows, count: merged.count }
        })
        for (const c of changes.conversations) {
          queryClient.setQueryData<AdminWhatsAppConversationResponse>(whatsappKeys.conversations.detail(c.id), { conversation: c })
        }
      }
      return changes
    },
  })
  return list
}

/** Assign (null unassigns), close or reopen. */
export function useUpdateConversation(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminUpdateWhatsAppConversationRequest) =>
      sdk.client.fetch<AdminWhatsAppConversationResponse>(`${BASE}/${id}`, { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(whatsappKeys.conversations.detail(id), data),
    onError: (error) => toast.error("Conversation not changed", { description: apiErrorMessage(error) }),
  })
}

export function useNotes(id: string) {
  return useQuery({
    queryKey: whatsappKeys.conversations.notes(id),
    queryFn: () => sdk.client.fetch<AdminWhatsAppConversationNoteListResponse>(`${BASE}/${id}/notes`),
  })
}

export function useAddNote(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (text: string) => sdk.client.fetch<AdminWhatsAppConversationNoteResponse>(`${BASE}/${id}/notes`, { method: "POST", body: { text } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.conversations.notes(id) }),
    onError: (error) => toast.error("Note not saved", { description: apiErrorMessage(error) }),
  })
}

export function useCannedReplies() {
  return useQuery({
    queryKey: whatsappKeys.cannedReplies.lists(),
    queryFn: () => sdk.client.fetch<AdminWhatsAppCannedReplyListResponse>(CANNED),
  })
}

export function useCreateCannedReply() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { title: string; text: string }) => sdk.client.fetch<AdminWhatsAppCannedReplyResponse>(CANNED, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.cannedReplies.all }),
    onError: (error) => toast.error("Canned reply not saved", { description: apiErrorMessage(error) }),
  })
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`${CANNED}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.cannedReplies.all }),
    onError: (error) => toast.error("Canned reply not deleted", { description: apiErrorMessage(error) }),
  })
}

/** The reply's text filled for this conversation, for the composer. */
export function useRenderCannedReply(conversationId: string) {
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminWhatsAppRenderedCannedReplyResponse>(`${CANNED}/${id}/render`, { method: "POST", body: { conversation_id: conversationId } }),
    onError: (error) => toast.error("Canned reply not inserted", { description: apiErrorMessage(error) }),
  })
}
