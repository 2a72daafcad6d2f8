import { Alert, Button, Text } from "@medusajs/ui"
import { HealthCheck } from "../settings/health-check"

/** The end: every health line, and how to see a first message arrive. */
export const WizardDoneStep = ({ accountId, onOpenAccount }: { accountId: string; onOpenAccount: () => void }) => (
  <div className="flex flex-col gap-y-4" data-testid="onboarding-step-done">
    <HealthCheck accountId={accountId} />
    <Alert variant="info" data-testid="onboarding-test-message-hint">
      <Text size="small">
        Send a test message: write to the number from a phone (or, in the sandbox, from its phone simulator) and watch it arrive in
        the WhatsApp page (the inbox). A red line above says what is missing and how to fix it.
      </Text>
    </Alert>
    <div className="flex justify-end">
      <Button onClick={onOpenAccount} data-testid="onboarding-finish">
        Open the number's page
      </Button>
    </div>
  </div>
)
