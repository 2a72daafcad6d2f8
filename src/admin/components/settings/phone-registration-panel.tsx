import { Button, Container, Heading, Input, Label, Select, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { pinProblem } from "../../../lib/embedded-signup-session"
import { phoneRegistrationState } from "../../../lib/phone-registration-state"
import type { AdminWhatsAppRequestCodeRequest, OnboardedPhoneNumber } from "../../../types/http"
import { useAccountHealth } from "../../hooks/accounts"
import { useRegisterNumber, useRequestCode, useVerifyCode } from "../../hooks/onboarding"
import { FailureNote } from "../onboarding/failure-note"
import { InputActionRow } from "../onboarding/input-action-row"
import { GeneratedPin } from "../onboarding/signup-result"

/**
 * For a number added by hand that Meta has not verified or registered yet:
 * request the code by SMS or voice, enter it, register with the two-step PIN.
 * Shown only when the health check's phone line says so.
 */
export const PhoneRegistrationPanel = ({ accountId }: { accountId: string }) => {
  const health = useAccountHealth(accountId)
  const phone = health.data?.lines.find((line) => line.key === "phone_number")?.data
  const state = phoneRegistrationState(phone)
  const [method, setMethod] = useState<AdminWhatsAppRequestCodeRequest["method"]>("SMS")
  const [code, setCode] = useState("")
  const [pin, setPin] = useState("")
  const requestCode = useRequestCode(accountId)
  const verifyCode = useVerifyCode(accountId)
  const register = useRegisterNumber(accountId)

  // Stays on screen after registering (the health check then says "registered") to show the result and a generated PIN.
  if (!register.isSuccess && state !== "needs_verification" && state !== "needs_registration") return null
  const verified = state === "needs_registration" || verifyCode.isSuccess
  const pinError = pinProblem(pin)
  const latest: OnboardedPhoneNumber | undefined = (register.data ?? verifyCode.data ?? requestCode.data)?.phone_number

  return (
    <Container className="divide-y p-0" data-testid="phone-registration" data-state={register.isSuccess ? "registered" : verified ? "needs_registration" : state}>
      <div className="px-6 py-4">
        <Heading level="h2">Verify and register the number</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {register.isSuccess
            ? "Registered for the Cloud API: the number can send and receive messages once the connection check below is green."
            : `Meta has not ${verified ? "registered" : "verified"} this number for the Cloud API yet: it cannot send or receive messages until it is.`}
        </Text>
      </div>
      {!verified && (
        <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="phone-registration-verify">
          <div className="flex items-end gap-x-2">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="phone-code-method">1. Get a code</Label>
              <Select value={method} onValueChange={(v) => setMethod(v as typeof method)}>
                <Select.Trigger id="phone-code-method" data-testid="phone-code-method">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="SMS">By SMS</Select.Item>
                  <Select.Item value="VOICE">By voice call</Select.Item>
                </Select.Content>
              </Select>
            </div>
            <Button size="small" variant="secondary" isLoading={requestCode.isPending} onClick={() => requestCode.mutate({ method })} data-testid="phone-request-code">
              Send the code
            </Button>
          </div>
          {requestCode.isSuccess && (
            <Text size="small" data-testid="phone-code-sent">
              Code sent {requestCode.variables?.method === "VOICE" ? "by a voice call" : "by SMS"} to the number. It expires after a while: ask again if it does.
            </Text>
          )}
          <FailureNote error={requestCode.error} title="The code was not sent." testId="phone-request-code-error" />
          <InputActionRow
            id="phone-code"
            label="2. Enter the code"
            value={code}
            onChange={(v) => setCode(v.trim())}
            onSubmit={() => verifyCode.mutate({ code })}
            action="Verify"
            isLoading={verifyCode.isPending}
            inputProps={{ inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6 }}
            testId="phone-verify-code"
          >
            <FailureNote error={verifyCode.error} title="The code was not accepted." testId="phone-verify-code-error" />
          </InputActionRow>
        </div>
      )}
      {verified && !register.isSuccess && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="phone-registration-register">
          <Label htmlFor="phone-register-pin">{state === "needs_registration" ? "Register" : "3. Register"} with a two-step verification PIN (optional)</Label>
          <div className="flex gap-x-2">
            <div className="flex-1">
              <Input
                id="phone-register-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                value={pin}
                onChange={(e) => setPin(e.target.value.trim())}
                data-testid="phone-register-pin"
              />
            </div>
            <Button size="small" disabled={!!pinError} isLoading={register.isPending} onClick={() => register.mutate(pin ? { pin } : {})} data-testid="phone-register">
              Register
            </Button>
          </div>
          <Text size="xsmall" className={pinError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {pinError ?? "6 digits. Leave empty and one is generated and shown once. If the number already has a PIN, enter that one."}
          </Text>
          <FailureNote error={register.error} title="The number was not registered." testId="phone-register-error" />
        </div>
      )}
      {latest && (
        <div className="flex flex-wrap items-center gap-2 px-6 py-3" data-testid="phone-registration-status">
          <StatusBadge color={register.isSuccess ? "green" : "orange"}>{register.isSuccess ? "Registered" : "In progress"}</StatusBadge>
          <Text size="small" className="text-ui-fg-subtle">
            {[latest.display_phone_number, latest.status && `status ${latest.status}`, latest.code_verification_status && `code ${latest.code_verification_status}`]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </div>
      )}
      {register.data?.generated_pin && (
        <div className="px-6 py-4">
          <GeneratedPin pin={register.data.generated_pin} />
        </div>
      )}
    </Container>
  )
}
