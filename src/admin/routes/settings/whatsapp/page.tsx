import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminWhatsAppAccount } from "../../../../types/http"
import { QueryDataTable } from "../../../components/query-data-table"
import { AccountFormDrawer } from "../../../components/settings/account-form-drawer"
import { PhoneRequirements } from "../../../components/settings/phone-requirements"
import { WebhookSetup } from "../../../components/settings/webhook-setup"
import { useWhatsAppAccounts } from "../../../hooks/accounts"

const column = createDataTableColumnHelper<AdminWhatsAppAccount>()
const columns = [
  column.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <span data-testid="account-name" data-phone-number-id={row.original.phone_number_id}>
        {row.original.name}
      </span>
    ),
  }),
  column.accessor("display_phone_number", { header: "Number", cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("phone_number_id", { header: "Phone number id" }),
  column.accessor("catalog_id", { header: "Catalog", cell: ({ getValue }) => getValue() ?? <Badge color="orange">not linked</Badge> }),
  column.accessor("access_token", { header: "Token" }),
]

/** Settings → WhatsApp: the connected numbers, the webhook to configure in Meta, and what a number needs. */
const WhatsAppSettingsPage = () => {
  const navigate = useNavigate()
  const [adding, setAdding] = useState(false)
  const { data, isLoading, error } = useWhatsAppAccounts()
  const table = useDataTable({
    data: data?.accounts ?? [],
    columns,
    getRowId: (account) => account.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_, account) => navigate(`/settings/whatsapp/${account.id}`),
  })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">WhatsApp</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Business phone numbers connected through the WhatsApp Cloud API.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setAdding(true)} data-testid="account-add">
            Add number
          </Button>
        </div>
        <QueryDataTable instance={table} error={error} what="accounts" empty={{ heading: "No number connected yet." }} />
      </Container>
      <WebhookSetup />
      <PhoneRequirements />
      {adding && <AccountFormDrawer open={adding} onOpenChange={setAdding} onSaved={(id) => navigate(`/settings/whatsapp/${id}`)} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "WhatsApp",
  icon: ChatBubbleLeftRight,
})

export default WhatsAppSettingsPage
