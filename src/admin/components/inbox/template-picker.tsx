import { Button, Input, Label, Select, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useAccountTemplates } from "../../hooks/accounts"
import { useSendReply } from "../../hooks/conversations"
import { apiErrorMessage } from "../../lib/api-error"

type Props = { conversationId: string; accountId: string }

const keyOf = (t: { name: string; language: string }) => `${t.name}::${t.language}`

/**
 * Outside the 24-hour window Meta only delivers approved templates. The reply
 * endpoint fills body parameters only, so templates that also need a URL
 * button parameter are listed but cannot be chosen.
 */
export const TemplatePicker = ({ conversationId, accountId }: Props) => {
  const { data, isLoading, error } = useAccountTemplates(accountId)
  const send = useSendReply(conversationId)
  const approved = useMemo(() => (data?.templates ?? []).filter((t) => t.status === "APPROVED"), [data])
  const [selectedKey, setSelectedKey] = useState<string>("")
  const [params, setParams] = useState<string[]>([])
  const template = approved.find((t) => keyOf(t) === selectedKey)

  // Preselect the first sendable template: most shops have one or two.
  useEffect(() => {
    if (!selectedKey && approved.length) {
      const first = approved.find((t) => !t.url_button && !t.header_needs) ?? approved[0]
      setSelectedKey(keyOf(first))
    }
  }, [approved, selectedKey])

  useEffect(() => {
    setParams(Array.from({ length: template?.body_parameters ?? 0 }, () => ""))
  }, [template?.name, template?.language, template?.body_parameters])

  // Only body parameters can be typed here: Meta would refuse a template that needs more.
  const blocked = !!template?.url_button || !!template?.header_needs
  const complete = !!template && !blocked && params.every((p) => p.trim().length > 0)

  const submit = () => {
    if (!template || !complete) return
    send.mutate(
      { template: { name: template.name, language: template.language, body_parameters: params.map((p) => p.trim()) } },
      { onSuccess: () => setParams((current) => current.map(() => "")) }
    )
  }

  return (
    <div className="flex flex-col gap-3" data-testid="template-picker">
      {isLoading && <Text size="small" className="text-ui-fg-subtle">Loading templates…</Text>}
      {error && (
        <Text size="small" className="text-ui-fg-error">Could not load templates: {apiErrorMessage(error)}</Text>
      )}
      {data && approved.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="template-empty">
          No approved templates on this WhatsApp Business account. Create one in WhatsApp Manager.
        </Text>
      )}
      {approved.length > 0 && (
        <>
          <div className="flex flex-col gap-1">
            <Label size="small" htmlFor="inbox-template">Template</Label>
            <Select value={selectedKey} onValueChange={setSelectedKey} size="small">
              <Select.Trigger id="inbox-template" data-testid="template-select">
                <Select.Value placeholder="Choose a template" />
              </Select.Trigger>
              <Select.Content>
                {approved.map((t) => (
                  <Select.Item key={keyOf(t)} value={keyOf(t)} data-testid="template-option">
                    {t.name} ({t.language}, {t.category.toLowerCase()})
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {blocked && (
            <Text size="small" className="text-ui-fg-subtle">
              {template?.header_needs
                ? `This template needs a header (${template.header_needs.toLowerCase().replace("_", " ")}), which the inbox cannot fill. Choose another one.`
                : "This template needs a URL button parameter, which the inbox cannot fill. Choose another one."}
            </Text>
          )}
          {!blocked &&
            params.map((value, index) => (
              <div key={index} className="flex flex-col gap-1">
                <Label size="small" htmlFor={`inbox-template-param-${index}`}>{`Body parameter {{${index + 1}}}`}</Label>
                <Input
                  id={`inbox-template-param-${index}`}
                  size="small"
                  value={value}
                  data-testid="template-param"
                  onChange={(e) => {
                    const next = e.target.value
                    setParams((current) => current.map((p, i) => (i === index ? next : p)))
                  }}
                />
              </div>
            ))}
          <div className="flex justify-end">
            <Button
              size="small"
              onClick={submit}
              disabled={!complete}
              isLoading={send.isPending}
              data-testid="template-send"
            >
              Send template
            </Button>
          </div>
        </>
      )}
    </div>
  )
}
