import { createRequire } from "node:module"

/**
 * PayPal's server SDK only knows its Production and Sandbox hosts. For the
 * local sandbox and tests, requests go through an axios adapter that swaps
 * the origin, so the SDK's own serialisation, auth and error handling still
 * run. Nothing calls this in production.
 */
export function redirectPayPalSdk(from: string, to: string) {
  const requireFromSdk = createRequire(require.resolve("@paypal/paypal-server-sdk"))
  const requireFromAdapter = createRequire(requireFromSdk.resolve("@apimatic/axios-client-adapter"))
  const axios = requireFromAdapter("axios")
  const http = axios.getAdapter("http")
  const target = to.replace(/\/+$/, "")
  return {
    adapter: (config: { url?: string }) => http({ ...config, url: config.url?.startsWith(from) ? target + config.url.slice(from.length) : config.url }),
  }
}
