import { StatusBadge } from "@medusajs/ui"
import type {
  AdminWhatsAppCartStatus as WhatsappCartStatus,
  AdminWhatsAppCatalogItemStatus as CatalogItemStatus,
  AdminWhatsAppCatalogSyncRun as CatalogSyncRun,
} from "../../../types/http"
import { humanize } from "./format"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const ITEM_COLORS: Record<CatalogItemStatus, BadgeColor> = {
  pending: "blue",
  synced: "green",
  error: "red",
  invalid: "orange",
  deleted: "grey",
}

export const CatalogStatusBadge = ({ status }: { status: CatalogItemStatus }) => (
  <StatusBadge color={ITEM_COLORS[status] ?? "grey"} data-testid="catalog-status-badge" data-status={status}>
    {humanize(status)}
  </StatusBadge>
)

const RUN_COLORS: Record<CatalogSyncRun["status"], BadgeColor> = { running: "blue", completed: "green", failed: "red" }

export const SyncRunBadge = ({ status }: { status: CatalogSyncRun["status"] }) => (
  <StatusBadge color={RUN_COLORS[status] ?? "grey"} data-testid="catalog-run-status" data-status={status}>
    {humanize(status)}
  </StatusBadge>
)

const CART_COLORS: Record<WhatsappCartStatus, BadgeColor> = {
  pending: "grey",
  submitted: "blue",
  link_sent: "blue",
  ordered: "orange",
  paid: "green",
  abandoned: "red",
  recovered: "purple",
  rejected: "red",
}

export const CartStatusBadge = ({ status }: { status: WhatsappCartStatus }) => (
  <StatusBadge color={CART_COLORS[status] ?? "grey"} data-testid="whatsapp-cart-status" data-status={status}>
    {humanize(status)}
  </StatusBadge>
)
