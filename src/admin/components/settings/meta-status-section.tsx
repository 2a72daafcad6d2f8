import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import type { MetaStatusItem } from "../../../types/http"
import { useMetaStatus } from "../../hooks/onboarding"
import { FailureNote } from "../onboarding/failure-note"

const TONE_COLOR = { ok: "green", attention: "orange", problem: "red", unknown: "grey" } as const

/**
 * Business verification, display-name review, the Official Business Account
 * badge, quality and messaging tier: each as Meta reports it, what it means
 * and what to do next.
 */
export const MetaStatusSection = ({ accountId }: { accountId: string }) => {
  const { data, error, isLoading } = useMetaStatus(accountId)
  return (
    <Container className="divide-y p-0" data-testid="meta-status">
      <div className="px-6 py-4">
        <Heading level="h2">Meta status</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What Meta says about this business and number, and what each means for selling.
        </Text>
      </div>
      {isLoading && <Text size="small" className="px-6 py-4">Asking Meta…</Text>}
      {error && (
        <div className="px-6 py-4">
          <FailureNote error={error} title="Could not read the statuses from Meta." testId="meta-status-error" />
        </div>
      )}
      {data?.items.map((item) => <MetaStatusRow key={item.key} item={item} />)}
    </Container>
  )
}

const MetaStatusRow = ({ item }: { item: MetaStatusItem }) => (
  <div className="grid grid-cols-[200px_1fr] gap-x-4 px-6 py-3" data-testid="meta-status-item" data-key={item.key} data-tone={item.tone}>
    <div className="flex flex-col items-start gap-y-1">
      <Text size="small" weight="plus">
        {item.label}
      </Text>
      <StatusBadge color={TONE_COLOR[item.tone]} data-testid="meta-status-value">
        {item.value ?? "unknown"}
      </StatusBadge>
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="small">{item.meaning}</Text>
      {item.next_step && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="meta-status-next-step">
          Next: {item.next_step}
        </Text>
      )}
      {item.link && (
        <a href={item.link} target="_blank" rel="noreferrer" className="txt-compact-small text-ui-fg-interactive hover:underline" data-testid="meta-status-link">
          Meta's page about it ↗
        </a>
      )}
    </div>
  </div>
)
