import { LoaderOptions } from "@medusajs/framework/types"
import { findUnknownOptions, parsePluginOptions } from "../../../lib/options"

/**
 * Fails boot with a message naming every bad option, before any route,
 * job or subscriber can run with a half-valid configuration.
 */
export default async function validateOptionsLoader({ options, logger }: LoaderOptions) {
  parsePluginOptions(options)
  const unknown = findUnknownOptions(options)
  if (unknown.length) {
    logger?.warn(`medusa-plugin-whatsapp-commerce: ignoring unknown option(s): ${unknown.join(", ")}`)
  }
}
