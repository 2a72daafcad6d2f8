import { Button, Container, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { StarterTemplateResult } from "../../../types/http"
import { useAccountTemplates, useSubmitStarterTemplates } from "../../hooks/accounts"
import { apiErrorMessage } from "../../lib/api-error"

const USE_LABEL: Record<StarterTemplateResult["use"], string> = {
  recovery: "Cart reminder (sent when a cart is left unpaid)",
  order_update: "Order update (placed, paid, shipped, canceled)",
}
const LANGUAGES = [
  ["es", "Spanish"],
  ["pt", "Portuguese (Brazil)"],
  ["en", "English"],
] as const

const tone = (status: string | null) => (status === "APPROVED" ? "green" : status === "PENDING" ? "orange" : status ? "red" : "grey")

/**
 * Outside the 24-hour window WhatsApp only delivers templates Meta approved.
 * This submits the store's two (cart reminder, order update) for review and
 * follows their status until Meta decides, polling the templates list.
 */
export const StarterTemplatesStep = ({ accountId, language }: { accountId: string; language: string }) => {
  const [lang, setLang] = useState(LANGUAGES.some(([code]) => code === language) ? language : "en")
  const submit = useSubmitStarterTemplates(accountId)
  const results = submit.data?.templates ?? []
  const waiting = results.some((r) => r.status === "PENDING")
  const templates = useAccountTemplates(accountId, { enabled: results.length > 0, refetchInterval: waiting ? 3000 : false })
  const current = (r: StarterTemplateResult) =>
    templates.data?.templates.find((t) => t.name === r.name && t.language === r.language)?.status ?? r.status
  const onSubmit = () =>
    submit.mutate({ language: lang as "es" | "pt" | "en" }, { onError: (e) => toast.error("Could not submit the templates", { description: apiErrorMessage(e) }) })

  return (
    <Container className="divide-y p-0" data-testid="starter-templates">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Message templates
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          A customer's chat stays open for 24 hours after their last message. After that, WhatsApp delivers only templates
          Meta has reviewed and approved: the store needs one to remind an unpaid cart and one for order updates. Meta usually
          decides within minutes, at most in 24 hours; they are used as soon as they are approved.
        </Text>
        <div className="flex items-center gap-x-2">
          <div className="w-56">
            <Select value={lang} onValueChange={setLang}>
              <Select.Trigger data-testid="starter-templates-language">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {LANGUAGES.map(([code, label]) => (
                  <Select.Item key={code} value={code}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <Button size="small" onClick={onSubmit} isLoading={submit.isPending} data-testid="starter-templates-submit">
            {results.length ? "Submit again" : "Submit for review"}
          </Button>
        </div>
      </div>
      {results.map((r) => (
        <div
          key={`${r.name}|${r.language}`}
          className="flex items-start justify-between gap-x-4 px-6 py-3"
          data-testid="starter-template"
          data-name={r.name}
          data-outcome={r.outcome}
          data-status={current(r) ?? ""}
        >
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {USE_LABEL[r.use]}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {r.name} ({r.language}, {r.category.toLowerCase()}){r.outcome === "already_existed" ? " — already in your account, kept as it is" : ""}
              {r.chosen ? " — chosen for this use" : ""}
            </Text>
            {r.error && (
              <Text size="small" className="text-ui-fg-error" data-testid="starter-template-error">
                {r.error.message} {r.error.next_step}
              </Text>
            )}
          </div>
          <StatusBadge color={tone(current(r))}>{current(r) ?? "Not submitted"}</StatusBadge>
        </div>
      ))}
    </Container>
  )
}
