import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { CatalogStep } from "../../../../components/onboarding/catalog-step"
import { AccountFormDrawer } from "../../../../components/settings/account-form-drawer"
import { AccountSettingsForm } from "../../../../components/settings/account-settings-form"
import { CatalogSharingNote } from "../../../../components/settings/catalog-sharing-note"
import { HealthCheck } from "../../../../components/settings/health-check"
import { MetaStatusSection } from "../../../../components/settings/meta-status-section"
import { PhoneRegistrationPanel } from "../../../../components/settings/phone-registration-panel"
import { useWhatsAppAccount } from "../../../../hooks/accounts"
import { apiErrorMessage } from "../../../../lib/api-error"

/**
 * One number: its credentials (write-only secrets), the steps it may still
 * need (verify and register the number, connect a catalog), the connection
 * check, Meta's statuses explained, and its settings.
 *
 * data-testid handles added for issue 20 (the wizard's are listed in
 * components/onboarding/onboarding-wizard.tsx; the catalog step's are the same here):
 *   phone-registration (data-state: needs_verification | needs_registration | registered),
 *   phone-code-method, phone-request-code, phone-code-sent, phone-verify-code-input, phone-verify-code,
 *   phone-register-pin, phone-register, phone-registration-status, onboarding-generated-pin,
 *   phone-request-code-error / phone-verify-code-error / phone-register-error (each with -message, -next-step, -meta);
 *   meta-status, meta-status-item (data-key, data-tone), meta-status-value, meta-status-next-step, meta-status-link, meta-status-error.
 */
const WhatsAppAccountPage = () => {
  const { id } = useParams()
  const [editing, setEditing] = useState(false)
  const { data, error } = useWhatsAppAccount(id)
  if (error) return <Text className="text-ui-fg-error">Could not load the account: {apiErrorMessage(error)}</Text>
  if (!data) return <Text>Loading…</Text>
  const account = data.account
  const facts: [string, string | null][] = [
    ["WABA ID", account.waba_id],
    ["Phone number ID", account.phone_number_id],
    ["Display number", account.display_phone_number],
    ["Catalog", account.catalog_id],
    ["Access token", account.access_token],
    ["App secret", account.app_secret ?? "plugin default"],
  ]
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h1">{account.name}</Heading>
          <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="account-edit">
            Edit
          </Button>
        </div>
        {facts.map(([label, value]) => (
          <div key={label} className="grid grid-cols-2 px-6 py-3">
            <Text size="small" weight="plus">
              {label}
            </Text>
            <Text size="small">{value ?? "—"}</Text>
          </div>
        ))}
        <CatalogSharingNote sharing={data.catalog_sharing} accountId={account.id} />
      </Container>
      <PhoneRegistrationPanel accountId={account.id} />
      <HealthCheck accountId={account.id} />
      <MetaStatusSection accountId={account.id} />
      <CatalogStep account={account} />
      <AccountSettingsForm key={account.id} account={account} />
      {editing && <AccountFormDrawer account={account} open={editing} onOpenChange={setEditing} />}
    </div>
  )
}

export default WhatsAppAccountPage
