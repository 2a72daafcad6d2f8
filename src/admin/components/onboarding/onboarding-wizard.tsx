/**
 * The guided onboarding (issue 20): Settings → WhatsApp → "Connect with
 * Facebook". Stable data-testid attributes, for the browser test:
 *
 * Opening and frame
 *   onboarding-connect-facebook       Settings page button that opens the wizard
 *   onboarding-wizard                 the modal (data-step = current step)
 *   onboarding-tab-<step>             step tabs: requirements, setup, connect, catalog, templates, done
 * 1. Requirements
 *   onboarding-step-requirements      the step
 *   phone-requirements / phone-requirement (data-key)   the list
 *   onboarding-check-number-input, onboarding-check-number          optional number check
 *   onboarding-check-number-result (data-ok), onboarding-check-number-problem
 *   onboarding-requirements-next
 * 2. Set-up
 *   onboarding-step-setup, onboarding-region, onboarding-sales-channel, onboarding-name,
 *   onboarding-pin, onboarding-pin-error, onboarding-setup-back, onboarding-setup-next
 * 3. Connect
 *   onboarding-step-connect (data-phase: loading_sdk | ready | popup | submitting | finished | cancelled | failed | no_number | sdk_failed)
 *   onboarding-facebook-login         opens Meta's window (FB.login)
 *   onboarding-signup-waiting (data-has-code, data-has-session), onboarding-signup-submitting
 *   onboarding-signup-cancelled (data-step = Meta's current_step), onboarding-signup-failed,
 *   onboarding-signup-no-number, onboarding-sdk-failed, onboarding-signup-retry, onboarding-connect-back
 *   onboarding-error (data-step, data-status), onboarding-error-message, onboarding-error-next-step, onboarding-error-meta
 *   onboarding-signup-result (data-account-id), onboarding-steps, onboarding-step-result (data-key, data-ok),
 *   onboarding-phone-facts, onboarding-generated-pin-panel, onboarding-generated-pin, onboarding-generated-pin-copy,
 *   onboarding-connect-next
 * 4. Catalog (also on the account page)
 *   onboarding-step-catalog, catalog-step (data-connected-catalog), meta-catalogs, meta-catalog-option (data-catalog-id, data-connected),
 *   meta-catalogs-empty, catalog-used-by-note, meta-catalog-create-input, meta-catalog-create, meta-catalog-connect,
 *   catalog-step-list-error, meta-catalog-create-error, meta-catalog-connect-error (each with -message / -next-step),
 *   catalog-step-sync (data-status: none | running | completed | failed), catalog-step-start-sync,
 *   catalog-last-run (data-status), onboarding-catalog-next
 *   Replacing a WABA's catalog asks with Medusa's prompt (its confirm button reads "Replace").
 * 5. Templates (also on the account page, from the connection check)
 *   onboarding-step-templates, starter-templates, starter-templates-language, starter-templates-submit,
 *   starter-template (data-name, data-outcome, data-status: PENDING | APPROVED | REJECTED…), starter-template-error,
 *   onboarding-templates-next
 * 6. Done
 *   onboarding-step-done, health-check, health-line (data-key, data-ok), onboarding-test-message-hint, onboarding-finish
 */
import { Button, FocusModal, Heading, ProgressTabs, Text } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminWhatsAppEmbeddedSignupResponse, AdminWhatsAppOnboardingConfigResponse } from "../../../types/http"
import { CatalogStep } from "./catalog-step"
import { SignupResult } from "./signup-result"
import { StarterTemplatesStep } from "./starter-templates-step"
import { WizardConnectStep } from "./wizard-connect-step"
import { WizardDoneStep } from "./wizard-done-step"
import { WizardRequirementsStep } from "./wizard-requirements-step"
import { WizardSetupStep, type SignupSetup } from "./wizard-setup-step"

const STEPS = [
  ["requirements", "Your number"],
  ["setup", "Where it sells"],
  ["connect", "Connect with Facebook"],
  ["catalog", "Catalog"],
  ["templates", "Templates"],
  ["done", "Check"],
] as const
type Step = (typeof STEPS)[number][0]

type Props = {
  config: AdminWhatsAppOnboardingConfigResponse["embedded_signup"]
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The account created, once there is one (to open its page). */
  onAccount: (accountId: string) => void
}

export const OnboardingWizard = ({ config, open, onOpenChange, onAccount }: Props) => {
  const [step, setStep] = useState<Step>("requirements")
  const [setup, setSetup] = useState<SignupSetup>({ name: "", region_id: "", sales_channel_id: "", pin: "" })
  const [result, setResult] = useState<AdminWhatsAppEmbeddedSignupResponse | null>(null)
  const onConnected = useCallback((created: AdminWhatsAppEmbeddedSignupResponse) => setResult(created), [])

  const index = STEPS.findIndex(([key]) => key === step)
  // Once the account exists there is no going back before it: the steps after it use it.
  const reachable = (key: Step, i: number) => (result ? i >= 2 : i <= index && i < 3)
  const statusOf = (i: number) => (i < index || (i === 2 && result) ? "completed" : i === index ? "in-progress" : "not-started")

  const finish = () => {
    onOpenChange(false)
    if (result) onAccount(result.account.id)
  }

  return (
    // Closed after the account was created: go to its page, where every step can be finished later.
    <FocusModal open={open} onOpenChange={(next) => (next ? onOpenChange(true) : finish())}>
      <FocusModal.Content data-testid="onboarding-wizard" data-step={step}>
        <ProgressTabs value={step} onValueChange={(value) => setStep(value as Step)} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <FocusModal.Title asChild>
              <span className="sr-only">Connect a WhatsApp number</span>
            </FocusModal.Title>
            <ProgressTabs.List className="flex w-full items-center">
              {STEPS.map(([key, label], i) => (
                <ProgressTabs.Trigger key={key} value={key} status={statusOf(i)} disabled={!reachable(key, i)} data-testid={`onboarding-tab-${key}`}>
                  {label}
                </ProgressTabs.Trigger>
              ))}
            </ProgressTabs.List>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-8">
            <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-4">
              <div>
                <Heading level="h1">Connect a WhatsApp number</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  Meta's own window creates or picks your WhatsApp Business Account and number; the store does the rest.
                </Text>
              </div>
              <ProgressTabs.Content value="requirements">
                <WizardRequirementsStep onNext={() => setStep("setup")} />
              </ProgressTabs.Content>
              <ProgressTabs.Content value="setup">
                <WizardSetupStep value={setup} onChange={setSetup} onBack={() => setStep("requirements")} onNext={() => setStep("connect")} />
              </ProgressTabs.Content>
              <ProgressTabs.Content value="connect">
                {result ? (
                  <div className="flex flex-col gap-y-4" data-testid="onboarding-step-connect" data-phase="connected">
                    <Heading level="h2">Connected</Heading>
                    <SignupResult result={result} />
                    <div className="flex justify-end">
                      <Button onClick={() => setStep("catalog")} data-testid="onboarding-connect-next">
                        Next: the catalog
                      </Button>
                    </div>
                  </div>
                ) : (
                  <WizardConnectStep config={config} setup={setup} onBack={() => setStep("setup")} onConnected={onConnected} />
                )}
              </ProgressTabs.Content>
              <ProgressTabs.Content value="catalog">
                {result && (
                  <div className="flex flex-col gap-y-4" data-testid="onboarding-step-catalog">
                    <CatalogStep account={result.account} />
                    <div className="flex justify-end">
                      <Button onClick={() => setStep("templates")} data-testid="onboarding-catalog-next">
                        Next
                      </Button>
                    </div>
                  </div>
                )}
              </ProgressTabs.Content>
              <ProgressTabs.Content value="templates">
                {result && (
                  <div className="flex flex-col gap-y-4" data-testid="onboarding-step-templates">
                    <StarterTemplatesStep accountId={result.account.id} language={result.account.language} />
                    <div className="flex justify-end">
                      <Button onClick={() => setStep("done")} data-testid="onboarding-templates-next">
                        Next
                      </Button>
                    </div>
                  </div>
                )}
              </ProgressTabs.Content>
              <ProgressTabs.Content value="done">
                {result && <WizardDoneStep accountId={result.account.id} onOpenAccount={finish} />}
              </ProgressTabs.Content>
            </div>
          </FocusModal.Body>
        </ProgressTabs>
      </FocusModal.Content>
    </FocusModal>
  )
}
