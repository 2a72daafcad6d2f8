import { Button, Container, Heading, StatusBadge, Switch, Text, toast } from "@medusajs/ui"
import { useAccountHealth, useSubmitStarterTemplates, useSubscribeWebhooks, useUpdateCommerceSettings } from "../../hooks/accounts"
import { apiErrorMessage } from "../../lib/api-error"

/** The connection check: one green or red line per thing Meta must have right, with Meta's error on red ones. */
export const HealthCheck = ({ accountId }: { accountId: string }) => {
  const { data, isFetching, refetch, error } = useAccountHealth(accountId)
  const subscribe = useSubscribeWebhooks(accountId)
  const commerce = useUpdateCommerceSettings(accountId)
  const templates = useSubmitStarterTemplates(accountId)
  const onSubmitTemplates = () =>
    templates.mutate(
      {},
      {
        onSuccess: ({ templates: sent }) => {
          const failed = sent.filter((t) => t.outcome === "failed")
          if (failed.length) toast.error(failed.map((t) => `${t.name}: ${t.error?.message} ${t.error?.next_step}`).join("\n"))
          else toast.success("Templates submitted: Meta reviews them, usually within minutes")
        },
        onError: (e) => toast.error(apiErrorMessage(e)),
      }
    )
  const onSubscribe = () =>
    subscribe.mutate(undefined, { onSuccess: () => toast.success("Webhooks subscribed"), onError: (e) => toast.error(apiErrorMessage(e)) })
  const onCommerce = (body: { is_cart_enabled?: boolean; is_catalog_visible?: boolean }) =>
    commerce.mutate(body, { onError: (e) => toast.error(apiErrorMessage(e)) })

  return (
    <Container className="divide-y p-0" data-testid="health-check">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Connection check</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Asked of Meta's Graph API just now.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>
          Check again
        </Button>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{apiErrorMessage(error)}</Text>}
      {data?.lines.map((line) => (
        <div key={line.key} className="flex items-start justify-between gap-x-4 px-6 py-3" data-testid="health-line" data-key={line.key} data-ok={line.ok}>
          <div className="flex flex-col gap-y-1">
            <StatusBadge color={line.ok ? "green" : "red"}>{line.label}</StatusBadge>
            <Text size="small">{line.detail}</Text>
            {line.key === "account_events" &&
              ((line.data?.events as { summary: string; occurred_at: string }[] | undefined) ?? []).map((e, i) => (
                <Text key={i} size="xsmall" className="text-ui-fg-subtle" data-testid="account-event">
                  {new Date(e.occurred_at).toLocaleString()} · {e.summary}
                </Text>
              ))}
            {line.error && (
              <Text size="small" className="text-ui-fg-error" data-testid="health-error">
                {line.error}
              </Text>
            )}
          </div>
          {line.key === "templates" && !line.ok && !line.error && (
            <Button size="small" onClick={onSubmitTemplates} isLoading={templates.isPending} data-testid="health-submit-templates">
              Submit the store's templates
            </Button>
          )}
          {line.key === "webhook_subscription" && !line.ok && !line.error && (
            <Button size="small" onClick={onSubscribe} isLoading={subscribe.isPending} data-testid="health-subscribe">
              Subscribe
            </Button>
          )}
          {line.key === "commerce_settings" && line.data && (
            <div className="flex flex-col gap-y-2">
              {(["is_cart_enabled", "is_catalog_visible"] as const).map((field) => (
                <label key={field} className="flex items-center gap-x-2">
                  <Switch
                    checked={!!line.data?.[field]}
                    onCheckedChange={(checked) => onCommerce({ [field]: checked })}
                    data-testid={`commerce-${field}`}
                  />
                  <Text size="small">{field === "is_cart_enabled" ? "Cart enabled" : "Catalog visible"}</Text>
                </label>
              ))}
            </div>
          )}
        </div>
      ))}
    </Container>
  )
}
