import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { FaqEditor } from "../../../components/concierge/faq-editor"
import { TryOutBox } from "../../../components/concierge/try-out-box"
import { useWhatsAppAccounts } from "../../../hooks/accounts"
import { apiErrorMessage } from "../../../lib/api-error"

/** The concierge of one WhatsApp number: its FAQ answers per language, and a box to try how texts are understood. */
const ConciergePage = () => {
  const { data, error } = useWhatsAppAccounts()
  const [accountId, setAccountId] = useState<string | undefined>()
  useEffect(() => {
    if (!accountId && data?.accounts.length) setAccountId(data.accounts[0].id)
  }, [data, accountId])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Concierge</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Greetings, questions, order status and requests for a person are answered before any search, in the customer's language.
          </Text>
        </div>
        {data && data.accounts.length > 1 && (
          <Select value={accountId} onValueChange={setAccountId}>
            <Select.Trigger className="w-56" data-testid="concierge-account">
              <Select.Value placeholder="WhatsApp number" />
            </Select.Trigger>
            <Select.Content>
              {data.accounts.map((a) => (
                <Select.Item key={a.id} value={a.id}>{a.name}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </Container>
      {error && <Text className="text-ui-fg-error">{apiErrorMessage(error)}</Text>}
      {data && !data.accounts.length && <Text className="text-ui-fg-subtle">Connect a WhatsApp number first.</Text>}
      {accountId && (
        <>
          <TryOutBox accountId={accountId} />
          <FaqEditor accountId={accountId} />
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Concierge" })

export default ConciergePage
