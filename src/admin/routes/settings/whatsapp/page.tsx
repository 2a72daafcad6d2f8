import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import type { WhatsappAccount } from "../../../lib/types"

const WhatsAppSettingsPage = () => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["whatsapp", "accounts"],
    queryFn: () =>
      sdk.client.fetch<{ accounts: WhatsappAccount[]; count: number }>("/admin/whatsapp/accounts"),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">WhatsApp</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Business phone numbers connected through the WhatsApp Cloud API.
          </Text>
        </div>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading accounts…</Text>}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load accounts: {String(error)}</Text>
      )}
      {data && data.accounts.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">No account connected yet.</Text>
      )}
      {data && data.accounts.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Phone number id</Table.HeaderCell>
              <Table.HeaderCell>WABA</Table.HeaderCell>
              <Table.HeaderCell>Catalog</Table.HeaderCell>
              <Table.HeaderCell>Token</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.accounts.map((account) => (
              <Table.Row key={account.id}>
                <Table.Cell>{account.name}</Table.Cell>
                <Table.Cell>{account.phone_number_id}</Table.Cell>
                <Table.Cell>{account.waba_id}</Table.Cell>
                <Table.Cell>
                  {account.catalog_id ?? <Badge color="orange">not linked</Badge>}
                </Table.Cell>
                <Table.Cell>{account.access_token}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "WhatsApp",
  icon: ChatBubbleLeftRight,
})

export default WhatsAppSettingsPage
