/**
 * Medusa stores amounts in major units (19.9 EUR); Stripe and Razorpay want
 * integers in the currency's minor unit, PayPal a decimal string. The number
 * of decimals is ISO 4217's, as Node's Intl knows it, except where a
 * provider documents otherwise (PayPal takes no decimals for HUF and TWD).
 */
export function currencyDecimals(currency: string, overrides: Record<string, number> = {}): number {
  const code = currency.toUpperCase()
  if (code in overrides) return overrides[code]
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    throw new Error(`Unknown currency "${currency}"`)
  }
}

export function toMinorUnits(amount: number | string, currency: string, overrides?: Record<string, number>): number {
  const decimals = currencyDecimals(currency, overrides)
  // Round through a string so 19.9 * 100 does not become 1989.9999.
  return Math.round(Number(`${Number(amount)}e${decimals}`))
}

export function fromMinorUnits(minor: number, currency: string, overrides?: Record<string, number>): number {
  const decimals = currencyDecimals(currency, overrides)
  return Number(`${minor}e-${decimals}`)
}

/** PayPal's `value`: a decimal string with exactly the currency's decimals. */
export function toDecimalString(amount: number | string, currency: string, overrides?: Record<string, number>): string {
  const decimals = currencyDecimals(currency, overrides)
  return (toMinorUnits(amount, currency, overrides) / 10 ** decimals).toFixed(decimals)
}
