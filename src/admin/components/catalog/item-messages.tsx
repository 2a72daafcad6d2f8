import { Text } from "@medusajs/ui"
import { messagesOf } from "./format"

/**
 * Meta's errors and warnings for one item, in full: they are what the merchant
 * must fix in Medusa (missing image, bad price…), so nothing is truncated.
 */
export const ItemMessages = ({ errors, warnings }: { errors: unknown; warnings: unknown }) => {
  const errorList = messagesOf(errors)
  const warningList = messagesOf(warnings)
  if (!errorList.length && !warningList.length) return <Text size="small" className="text-ui-fg-muted">—</Text>
  return (
    <ul className="flex flex-col gap-y-1">
      {errorList.map((message, i) => (
        <li key={`e${i}`}>
          <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-error" data-testid="catalog-item-error">
            {message}
          </Text>
        </li>
      ))}
      {warningList.map((message, i) => (
        <li key={`w${i}`}>
          <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-subtle" data-testid="catalog-item-warning">
            Warning: {message}
          </Text>
        </li>
      ))}
    </ul>
  )
}
