import { StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCheckNumber } from "../../hooks/onboarding"
import { FailureNote } from "./failure-note"
import { InputActionRow } from "./input-action-row"

/** The requirements that can be checked before starting: format, country, short code (optional). */
export const NumberCheck = () => {
  const [phone, setPhone] = useState("")
  const check = useCheckNumber()
  const result = check.data
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="onboarding-number-check">
      <InputActionRow
        id="onboarding-check-phone"
        label="Check a number (optional)"
        placeholder="+34 612 345 678"
        value={phone}
        onChange={setPhone}
        onSubmit={() => check.mutate({ phone: phone.trim() })}
        action="Check"
        isLoading={check.isPending}
        inputProps={{ type: "tel" }}
        testId="onboarding-check-number"
      />
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
    </div>
  )
}
