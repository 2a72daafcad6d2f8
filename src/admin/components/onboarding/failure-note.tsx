import { Alert, Text } from "@medusajs/ui"
import { failureOf } from "../../../lib/onboarding-error-body"

/**
 * An onboarding failure in words: what went wrong, what to do next, and
 * Meta's own error (code and message) when Meta refused.
 */
export const FailureNote = ({ error, title, testId = "onboarding-error" }: { error: unknown; title?: string; testId?: string }) => {
  if (!error) return null
  const failure = failureOf(error)
  return (
    <Alert variant="error" data-testid={testId} data-step={failure.step ?? undefined} data-status={failure.status}>
      <div className="flex flex-col gap-y-1">
        {title && (
          <Text size="small" weight="plus">
            {title}
          </Text>
        )}
        <Text size="small" data-testid={`${testId}-message`}>
          {failure.message}
        </Text>
        {failure.next_step && (
          <Text size="small" data-testid={`${testId}-next-step`}>
            What to do: {failure.next_step}
          </Text>
        )}
        {failure.meta_error && (
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${testId}-meta`}>
            Meta said (code {failure.meta_error.code}
            {failure.meta_error.subcode !== null ? `/${failure.meta_error.subcode}` : ""}): {failure.meta_error.message}
          </Text>
        )}
      </div>
    </Alert>
  )
}
