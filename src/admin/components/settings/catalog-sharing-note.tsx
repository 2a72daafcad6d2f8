import { InformationCircleSolid } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { AdminWhatsAppCatalogSharing as CatalogSharing } from "../../../types/http"

export const accountLabel = (a: { name: string; display_phone_number: string | null }) => (a.display_phone_number ? `${a.display_phone_number} (${a.name})` : a.name)

/**
 * A catalog serves every number connected to it and is priced once: say so,
 * so a merchant never expects this number's region to change its prices.
 */
export const CatalogSharingNote = ({ sharing, accountId }: { sharing: CatalogSharing | null; accountId: string }) => {
  if (!sharing) return null
  const pricing = sharing.source
    ? `Items are priced in ${(sharing.currency_code ?? "?").toUpperCase()} from region ${sharing.region?.name ?? sharing.region?.id} and sales channel "${sharing.sales_channel?.name ?? sharing.sales_channel?.id}"` +
      (sharing.source.id === accountId ? ", this number's settings." : `, the settings of ${accountLabel(sharing.source)}.`)
    : "Items are priced once a number on this catalog has a region and a sales channel."
  const shared = sharing.shared_with.length ? `This catalog is shared with ${sharing.shared_with.map(accountLabel).join(", ")}. ` : ""
  return <Note testId="catalog-sharing-note">{`${shared}${pricing}`}</Note>
}

/** Before connecting a catalog other numbers already use: what sharing it means. */
export const CatalogUsedByNote = ({ usedBy }: { usedBy: { name: string; display_phone_number: string | null }[] }) =>
  usedBy.length ? (
    <Note testId="catalog-used-by-note">
      {`Also used by ${usedBy.map(accountLabel).join(", ")}. Sharing it means the same items for every number, priced in one currency from the first number's region and sales channel.`}
    </Note>
  ) : null

const Note = ({ testId, children }: { testId: string; children: string }) => (
  <div className="flex items-start gap-x-2 px-6 py-3" data-testid={testId}>
    <InformationCircleSolid className="text-ui-fg-subtle mt-0.5 shrink-0" />
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  </div>
)
