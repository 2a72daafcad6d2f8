import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { AccountFormDrawer } from "../../../components/settings/account-form-drawer"
import { PhoneRequirements } from "../../../components/settings/phone-requirements"
import { WebhookSetup } from "../../../components/settings/webhook-setup"
import { sdk } from "../../../lib/sdk"
import type { WhatsappAccount } from "../../../lib/types"

/** Settings → WhatsApp: the connected numbers, the webhook to configure in Meta, and what a number needs. */
const WhatsAppSettingsPage = () => {
  const navigate = useNavigate()
  const [adding, setAdding] = useState(false)
  const { data, isLoading, error } = useQuery({
    queryKey: ["whatsapp", "accounts"],
    queryFn: () => sdk.client.fetch<{ accounts: WhatsappAccount[]; count: number }>("/admin/whatsapp/accounts"),
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
        {isLoading && <Text className="px-6 py-4">Loading accounts…</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load accounts: {String(error)}</Text>}
        {data && data.accounts.length === 0 && <Text className="px-6 py-4 text-ui-fg-subtle">No number connected yet.</Text>}
        {data && data.accounts.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Number</Table.HeaderCell>
                <Table.HeaderCell>Phone number id</Table.HeaderCell>
                <Table.HeaderCell>Catalog</Table.HeaderCell>
                <Table.HeaderCell>Token</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.accounts.map((account) => (
                <Table.Row
                  key={account.id}
                  className="cursor-pointer"
                  onClick={() => navigate(`/settings/whatsapp/${account.id}`)}
                  data-testid="account-row"
                  data-phone-number-id={account.phone_number_id}
                >
                  <Table.Cell>{account.name}</Table.Cell>
                  <Table.Cell>{account.display_phone_number ?? "—"}</Table.Cell>
                  <Table.Cell>{account.phone_number_id}</Table.Cell>
                  <Table.Cell>{account.catalog_id ?? <Badge color="orange">not linked</Badge>}</Table.Cell>
                  <Table.Cell>{account.access_token}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
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
