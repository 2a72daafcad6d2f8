/**
 * The shapes the module's service returns, for callers outside the module.
 * How rows are read and written stays inside the module.
 */
export type { WhatsAppCartRow, LinkOrderInput } from "./sql/checkout"
export type { DueCart, ReminderDecision, ReminderResult } from "./sql/recovery"
export type { WhatsAppCartStats } from "./sql/stats"
export type { OutboundInsert } from "./sql/outbound"
export type { CatalogItemState } from "./sql/catalog-items"
export type { InboundContext } from "./sql/inbound-context"
export type { RecordedCartFields } from "./sql/carts"
export type { CustomerLink } from "./sql/customer-link"
export type { OpenedConversation } from "./sql/conversations"
export type { ClaimedWebhookEvent } from "./sql/webhook-events"
export type { IngestedMessage, IngestResult } from "./sql/ingest"
export type { ClaimedOutbound } from "./sql/outbound"
export type { ClaimedMedia, StoredMedia } from "./sql/media"
export type { WorkBacklog, WorkKind, WorkOutcome } from "./work-queue"

/** An incoming message claimed for answering (the `inbound_message` work kind). */
export type ClaimedInbound = { id: string; type: string; referred_retailer_id: string | null; conversation_id: string; opted_out: boolean; attempts: number }
