import { Button, Input, Label } from "@medusajs/ui"
import type { ComponentProps, FormEvent, ReactNode } from "react"

type Props = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  onSubmit: () => void
  action: string
  isLoading?: boolean
  placeholder?: string
  inputProps?: Pick<ComponentProps<"input">, "type" | "inputMode" | "autoComplete" | "maxLength">
  testId: string
  children?: ReactNode
}

/** A labelled input with its button, submitted with Enter too: the number check, a new catalog's name, the verification code. */
export const InputActionRow = ({ id, label, value, onChange, onSubmit, action, isLoading, placeholder, inputProps, testId, children }: Props) => {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (value.trim()) onSubmit()
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-1">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-x-2">
        <div className="flex-1">
          <Input
            id={id}
            placeholder={placeholder}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            {...inputProps}
            data-testid={`${testId}-input`}
          />
        </div>
        <Button type="submit" size="small" variant="secondary" isLoading={isLoading} disabled={!value.trim()} data-testid={testId}>
          {action}
        </Button>
      </div>
      {children}
    </form>
  )
}
