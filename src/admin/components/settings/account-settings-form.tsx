import { Button, Container, Heading, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { apiErrorMessage } from "../../lib/api-error"
import type { AccountSettings, AdminWhatsAppAccount as WhatsappAccount } from "../../../types/http"
import { useAccountTemplates, useSaveWhatsAppAccount } from "../../hooks/accounts"
import { RegionSelect, SalesChannelSelect } from "./store-selects"
import { RecoveryStepsEditor } from "./recovery-steps-editor"
import { TemplateSelect } from "./template-select"

const LANGUAGES = [
  ["es", "Español"],
  ["pt", "Português"],
  ["en", "English"],
] as const

const UPDATES = [
  ["placed", "Order placed"],
  ["paid", "Manual payment received"],
  ["shipped", "Shipped, with tracking"],
  ["canceled", "Cancelled"],
] as const

const Row = ({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-start gap-x-4 px-6 py-3">
    <div>
      <Text size="small" weight="plus">
        {label}
      </Text>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
    <div>{children}</div>
  </div>
)

/** Where the number sells (region, channel, language) and how it behaves (search, replies, recovery, order updates). */
export const AccountSettingsForm = ({ account }: { account: WhatsappAccount }) => {
  const [regionId, setRegionId] = useState(account.region_id ?? "")
  const [channelId, setChannelId] = useState(account.sales_channel_id ?? "")
  const [language, setLanguage] = useState(account.language)
  const [settings, setSettings] = useState<AccountSettings>(account.settings)
  const set = <K extends keyof AccountSettings>(key: K, value: AccountSettings[K]) => setSettings((s) => ({ ...s, [key]: value }))

  const templates = useAccountTemplates(account.id, { retry: false })

  const saveAccount = useSaveWhatsAppAccount(account.id)
  const save = {
    isPending: saveAccount.isPending,
    mutate: () =>
      saveAccount.mutate(
        { region_id: regionId || null, sales_channel_id: channelId || null, language, settings },
        { onSuccess: () => toast.success("Settings saved"), onError: (e) => toast.error(apiErrorMessage(e)) }
      ),
  }

  const toggle = (key: "search_enabled" | "text_auto_reply" | "inquiry_auto_reply" | "inquiry_handoff" | "recovery_enabled") => (
    <Switch checked={settings[key]} onCheckedChange={(checked) => set(key, checked)} data-testid={`setting-${key}`} />
  )

  return (
    <Container className="divide-y p-0" data-testid="account-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Settings</Heading>
        <Button size="small" onClick={() => save.mutate()} isLoading={save.isPending} data-testid="settings-save">
          Save
        </Button>
      </div>
      <Row label="Region" hint="Prices, currency and payment providers of WhatsApp carts.">
        <RegionSelect value={regionId} onChange={setRegionId} testId="setting-region" />
      </Row>
      <Row label="Sales channel" hint="Which products and stock WhatsApp sells.">
        <SalesChannelSelect value={channelId} onChange={setChannelId} testId="setting-sales-channel" />
      </Row>
      <Row label="Language" hint="Of every message the plugin writes.">
        <Select value={language} onValueChange={setLanguage}>
          <Select.Trigger data-testid="setting-language">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {LANGUAGES.map(([code, name]) => (
              <Select.Item key={code} value={code}>
                {name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Row>
      <Row label="Product search" hint="Customers find products by typing what they want. Off: typed messages find nothing; the WhatsApp catalog still shows every product.">{toggle("search_enabled")}</Row>
      <Row label="Automatic replies" hint="Keyword rules, search and the default reply. Off: a person answers.">{toggle("text_auto_reply")}</Row>
      <Row label="Answer product questions" hint="A size or colour with that variant's price and stock; delivery with your shipping answer; otherwise the product's card.">{toggle("inquiry_auto_reply")}</Row>
      <Row label="Product questions the concierge can't answer go to a person" hint="The card is sent and the conversation is flagged for you; automatic replies pause until you resume them.">{toggle("inquiry_handoff")}</Row>
      <Row label="Searches with no result before a person takes over" hint="In a row; 0 never hands off for this.">
        <Input
          type="number"
          min={0}
          max={10}
          value={settings.handoff_after_misses}
          onChange={(e) => set("handoff_after_misses", Number(e.target.value))}
          data-testid="setting-handoff-after-misses"
        />
      </Row>
      <Row label="Default reply" hint="When nothing else matches.">
        <Textarea value={settings.default_reply ?? ""} onChange={(e) => set("default_reply", e.target.value || null)} data-testid="setting-default-reply" />
      </Row>
      <Row label="Abandoned-cart reminders" hint="Up to three reminders per unpaid cart; they stop when it is paid or the customer opts out.">{toggle("recovery_enabled")}</Row>
      <Row label="Reminders" hint="Each at its time after the checkout link was sent, with its own text, template and optional discount code.">
        <RecoveryStepsEditor steps={settings.recovery_steps} onChange={(steps) => set("recovery_steps", steps)} templates={templates.data?.templates} />
        {templates.error && <Text size="xsmall" className="text-ui-fg-error">{apiErrorMessage(templates.error)}</Text>}
      </Row>
      <Row label="Order updates" hint="Messages about WhatsApp orders.">
        <div className="flex flex-col gap-y-2">
          {UPDATES.map(([key, label]) => (
            <label key={key} className="flex items-center gap-x-2">
              <Switch
                checked={settings.order_updates[key]}
                onCheckedChange={(checked) => set("order_updates", { ...settings.order_updates, [key]: checked })}
                data-testid={`setting-order-update-${key}`}
              />
              <Text size="small">{label}</Text>
            </label>
          ))}
        </div>
      </Row>
      <Row label="Order update template" hint="Outside the 24-hour window: {{1}} order number, {{2}} what happened.">
        <TemplateSelect templates={templates.data?.templates} use="order_update" value={settings.order_update_template} onChange={(t) => set("order_update_template", t)} testId="setting-order-update-template" />
      </Row>
    </Container>
  )
}
