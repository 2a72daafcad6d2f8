import { Button, Input, Label, StatusBadge, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useCheckNumber } from "../../hooks/onboarding"
import { FailureNote } from "./failure-note"

/** The requirements that can be checked before starting: format, country, short code (optional). */
export const NumberCheck = () => {
  const [phone, setPhone] = useState("")
  const check = useCheckNumber()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (phone.trim()) check.mutate({ phone: phone.trim() })
  }
  const result = check.data
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-2 px-6 py-4" data-testid="onboarding-number-check">
      <Label htmlFor="onboarding-check-phone">Check a number (optional)</Label>
      <div className="flex gap-x-2">
        <Input
          id="onboarding-check-phone"
          placeholder="+34 612 345 678"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          data-testid="onboarding-check-number-input"
        />
        <Button type="submit" size="small" variant="secondary" isLoading={check.isPending} disabled={!phone.trim()} data-testid="onboarding-check-number">
          Check
        </Button>
      </div>
      {result && (
        <div className="flex flex-col gap-y-1" data-testid="onboarding-check-number-result" data-ok={result.ok}>
          <StatusBadge color={result.ok ? "green" : "red"}>
            {result.ok ? `Looks right: ${result.e164}${result.country ? ` (${result.country})` : ""}` : "This number will not work as typed"}
          </StatusBadge>
          {result.problems.map((problem) => (
            <Text key={problem} size="small" className="text-ui-fg-error" data-testid="onboarding-check-number-problem">
              {problem}
            </Text>
          ))}
          {result.ok && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              Ownership, reception of the code and use on another WhatsApp app cannot be checked from here: see the list above.
            </Text>
          )}
        </div>
      )}
      <FailureNote error={check.error} />
    </form>
  )
}
