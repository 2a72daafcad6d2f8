import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { apiErrorMessage } from "../../lib/api-error"
import type { AdminWhatsAppAccount as WhatsappAccount } from "../../../types/http"
import { useSaveWhatsAppAccount } from "../../hooks/accounts"

type Props = { account?: WhatsappAccount; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (id: string) => void }

const FIELDS = [
  { key: "name", label: "Name", hint: "How the admin names this number." },
  { key: "waba_id", label: "WhatsApp Business Account ID", hint: "WhatsApp Manager → Account tools → Phone numbers." },
  { key: "phone_number_id", label: "Phone number ID", hint: "Not the phone number itself: the numeric id Meta shows beside it." },
  { key: "display_phone_number", label: "Display phone number", hint: "Optional, e.g. +34 612 345 678." },
  { key: "catalog_id", label: "Catalog ID", hint: "Optional: Commerce Manager → Catalog → Settings." },
] as const

/**
 * Adds or edits an account. Secrets are write-only: the form shows whether
 * one is stored (masked) and sends a new one only when typed.
 */
export const AccountFormDrawer = ({ account, open, onOpenChange, onSaved }: Props) => {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, String((account as Record<string, unknown> | undefined)?.[f.key] ?? "")]))
  )
  const [accessToken, setAccessToken] = useState("")
  const [appSecret, setAppSecret] = useState("")

  const saveAccount = useSaveWhatsAppAccount(account?.id)
  const body = () => {
    const body: Record<string, unknown> = {}
    for (const f of FIELDS) {
      const value = values[f.key].trim()
      if (value || account) body[f.key] = value || null
    }
    body.name = values.name.trim()
    if (accessToken.trim()) body.access_token = accessToken.trim()
    if (appSecret.trim()) body.app_secret = appSecret.trim()
    return body
  }
  const save = {
    isPending: saveAccount.isPending,
    mutate: () =>
      saveAccount.mutate(body(), {
        onSuccess: ({ account: saved }) => {
          toast.success(account ? "Account saved" : "Account added")
          onOpenChange(false)
          onSaved?.(saved.id)
        },
        onError: (error) => toast.error(apiErrorMessage(error)),
      }),
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex h-full flex-col" data-testid="account-form">
          <Drawer.Header>
            <Drawer.Title>{account ? `Edit ${account.name}` : "Add a number by hand (Advanced)"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {FIELDS.map((f) => (
              <div key={f.key} className="flex flex-col gap-y-1">
                <Label htmlFor={`account-${f.key}`}>{f.label}</Label>
                <Input
                  id={`account-${f.key}`}
                  name={f.key}
                  value={values[f.key]}
                  onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {f.hint}
                </Text>
              </div>
            ))}
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="account-access_token">Access token</Label>
              <Input
                id="account-access_token"
                name="access_token"
                type="password"
                autoComplete="off"
                placeholder={account?.access_token ? `Stored (${account.access_token}); type to replace` : "A System User token with whatsapp_business_messaging"}
                value={accessToken}
                onChange={(e) => setAccessToken(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="account-app_secret">App secret</Label>
              <Input
                id="account-app_secret"
                name="app_secret"
                type="password"
                autoComplete="off"
                placeholder={account?.app_secret ? `Stored (${account.app_secret}); type to replace` : "Optional when the plugin has one"}
                value={appSecret}
                onChange={(e) => setAppSecret(e.target.value)}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                Secrets are stored encrypted and never shown again.
              </Text>
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button type="submit" isLoading={save.isPending} data-testid="account-save">
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
