import { useRef, useState } from "react"

/**
 * Stable React keys for rows kept in an array without ids (conditions,
 * actions), so removing a row does not hand its pickers' state to the next.
 * A list replaced from outside (the editor reopened) gets fresh keys.
 */
export function useRowKeys(length: number) {
  const next = useRef(length)
  const [keys, setKeys] = useState(() => Array.from({ length }, (_, i) => i))
  const current = keys.length === length ? keys : Array.from({ length }, () => next.current++)
  if (current !== keys) setKeys(current)
  return {
    keys: current,
    added: () => setKeys([...current, next.current++]),
    removed: (index: number) => setKeys(current.filter((_, i) => i !== index)),
  }
}
