import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminWhatsAppAccount } from "../../../../types/http"
import { QueryDataTable } from "../../../components/query-data-table"
import { OnboardingWizard } from "../../../components/onboarding/onboarding-wizard"
import { AccountFormDrawer } from "../../../components/settings/account-form-drawer"
import { PhoneRequirements } from "../../../components/settings/phone-requirements"
import { WebhookSetup } from "../../../components/settings/webhook-setup"
import { useWhatsAppAccounts } from "../../../hooks/accounts"
import { useOnboardingConfig } from "../../../hooks/onboarding"

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

/**
 * Settings → WhatsApp: the connected numbers, the webhook to configure in
 * Meta, and what a number needs. With the plugin's Meta app configured,
 * "Connect with Facebook" (Embedded Signup) is the way in; typing the ids by
 * hand stays, as Advanced.
 */
const WhatsAppSettingsPage = () => {
  const navigate = useNavigate()
  const [adding, setAdding] = useState(false)
  const [onboarding, setOnboarding] = useState(false)
  const { data, isLoading, error } = useWhatsAppAccounts()
  const signup = useOnboardingConfig().data?.embedded_signup
  const guided = !!signup?.enabled
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
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setAdding(true)} data-testid="account-add">
              {guided ? "Advanced: enter ids by hand" : "Add number"}
            </Button>
            {guided && (
              <Button size="small" onClick={() => setOnboarding(true)} data-testid="onboarding-connect-facebook">
                Connect with Facebook
              </Button>
            )}
          </div>
        </div>
        {signup && !signup.enabled && (
          <Text size="small" className="px-6 py-3 text-ui-fg-subtle" data-testid="onboarding-disabled-hint">
            To connect a number with Facebook instead of typing its ids, set the plugin options metaAppId and embeddedSignupConfigId (your Meta
            app and its Embedded Signup configuration) besides appSecret.
          </Text>
        )}
        <QueryDataTable instance={table} error={error} what="accounts" empty={{ heading: "No number connected yet.", description: guided ? "Connect one with Facebook: Meta's window guides you." : undefined }} />
      </Container>
      <WebhookSetup />
      <PhoneRequirements />
      {adding && <AccountFormDrawer open={adding} onOpenChange={setAdding} onSaved={(id) => navigate(`/settings/whatsapp/${id}`)} />}
      {onboarding && signup && (
        <OnboardingWizard config={signup} open={onboarding} onOpenChange={setOnboarding} onAccount={(id) => navigate(`/settings/whatsapp/${id}`)} />
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "WhatsApp",
  icon: ChatBubbleLeftRight,
})

export default WhatsAppSettingsPage
