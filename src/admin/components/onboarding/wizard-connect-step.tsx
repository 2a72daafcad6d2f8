import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { describeSignupCancel } from "../../../lib/embedded-signup-session"
import type { AdminWhatsAppEmbeddedSignupResponse, AdminWhatsAppOnboardingConfigResponse } from "../../../types/http"
import { useEmbeddedSignup } from "../../hooks/onboarding"
import { useFacebookSignup, type FacebookSignupState } from "../../hooks/use-facebook-signup"
import { FailureNote } from "./failure-note"
import type { SignupSetup } from "./wizard-setup-step"

type Props = {
  config: AdminWhatsAppOnboardingConfigResponse["embedded_signup"]
  setup: SignupSetup
  onBack: () => void
  onConnected: (result: AdminWhatsAppEmbeddedSignupResponse) => void
}

/**
 * Opens Meta's signup window, then hands the code and the ids Meta posted
 * back to the server, which finishes the set-up (or undoes it all).
 */
export const WizardConnectStep = ({ config, setup, onBack, onConnected }: Props) => {
  const facebook = useFacebookSignup(config)
  const signup = useEmbeddedSignup()
  const sentCode = useRef<string | null>(null)
  const { state } = facebook

  // Each authorization code is sent once: Meta accepts it a single time.
  useEffect(() => {
    if (state.phase !== "finished" || sentCode.current === state.code) return
    sentCode.current = state.code
    signup.mutate(
      {
        code: state.code,
        ...state.session,
        region_id: setup.region_id,
        sales_channel_id: setup.sales_channel_id,
        ...(setup.pin ? { pin: setup.pin } : {}),
        ...(setup.name.trim() ? { name: setup.name.trim() } : {}),
      },
      { onSuccess: onConnected }
    )
  }, [state, setup, signup, onConnected])

  const startAgain = () => {
    signup.reset()
    facebook.reset()
  }
  const busy = state.phase === "popup" || signup.isPending

  return (
    <div className="flex flex-col gap-y-4" data-testid="onboarding-step-connect" data-phase={signup.isPending ? "submitting" : state.phase}>
      <div>
        <Heading level="h2">Connect with Facebook</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Meta's window asks you to log in, pick or create your business, your WhatsApp Business Account, its display name and the phone number,
          and sends a code to the number. When it closes, the store finishes the set-up here.
        </Text>
      </div>
      <StateNote state={state} submitting={signup.isPending} />
      <FailureNote error={signup.error} title="The set-up did not finish; nothing was created." />
      <div className="flex justify-between">
        <Button variant="secondary" onClick={onBack} disabled={busy} data-testid="onboarding-connect-back">
          Back
        </Button>
        {state.phase === "ready" && (
          <Button onClick={facebook.start} disabled={!config.config_id} data-testid="onboarding-facebook-login">
            Connect with Facebook
          </Button>
        )}
        {(["cancelled", "failed", "no_number", "sdk_failed"].includes(state.phase) || signup.isError) && (
          <Button onClick={startAgain} data-testid="onboarding-signup-retry">
            Start again
          </Button>
        )}
      </div>
    </div>
  )
}

const StateNote = ({ state, submitting }: { state: FacebookSignupState; submitting: boolean }) => {
  if (submitting)
    return (
      <Text size="small" data-testid="onboarding-signup-submitting">
        Setting up: exchanging the login for a token, subscribing to webhooks, registering the number and creating the account…
      </Text>
    )
  switch (state.phase) {
    case "loading_sdk":
      return <Text size="small" className="text-ui-fg-subtle">Loading Meta's window…</Text>
    case "sdk_failed":
      return (
        <Alert variant="error" data-testid="onboarding-sdk-failed">
          {state.message}
        </Alert>
      )
    case "popup":
      return (
        <Text size="small" data-testid="onboarding-signup-waiting" data-has-code={state.hasCode} data-has-session={state.hasSession}>
          {state.hasCode && !state.hasSession
            ? "Meta logged you in but has not said which account and number you chose yet. If its window is closed and nothing happens, start again."
            : "Finish the steps in Meta's window. If it did not open, allow pop-ups for this site and start again."}
        </Text>
      )
    case "cancelled": {
      const { title, next } = describeSignupCancel(state.current_step)
      return (
        <Alert variant="warning" data-testid="onboarding-signup-cancelled" data-step={state.current_step ?? ""}>
          <Text size="small" weight="plus">
            {title}
          </Text>
          <Text size="small">{next}</Text>
        </Alert>
      )
    }
    case "failed":
      return (
        <Alert variant="error" data-testid="onboarding-signup-failed">
          <Text size="small" weight="plus">
            Meta's window reported an error: {state.message}
          </Text>
          <Text size="small">
            Start again. If it repeats, give Meta support these references
            {state.error_id ? `: error ${state.error_id}` : ""}
            {state.session_id ? `, session ${state.session_id}` : ""}.
          </Text>
        </Alert>
      )
    case "no_number":
      return (
        <Alert variant="warning" data-testid="onboarding-signup-no-number">
          <Text size="small">
            Meta's window finished without a phone number (WhatsApp Business Account {state.waba_id}). Start again and add the number in Meta's
            window, or add it in WhatsApp Manager and connect it under Advanced.
          </Text>
        </Alert>
      )
    default:
      return null
  }
}
