import { Button } from "@medusajs/ui"
import { PhoneRequirements } from "../settings/phone-requirements"
import { NumberCheck } from "./number-check"

/** Before Meta's window: what the number needs, and an optional check of it. */
export const WizardRequirementsStep = ({ onNext }: { onNext: () => void }) => (
  <div className="flex flex-col gap-y-4" data-testid="onboarding-step-requirements">
    <PhoneRequirements description="Meta asks for the number in its window. Check it meets these first: a number that fails one cannot be registered.">
      <NumberCheck />
    </PhoneRequirements>
    <div className="flex justify-end">
      <Button onClick={onNext} data-testid="onboarding-requirements-next">
        My number meets these
      </Button>
    </div>
  </div>
)
