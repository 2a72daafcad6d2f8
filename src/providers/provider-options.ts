import { z } from "@medusajs/framework/zod"

/** Only for the sandbox and tests: an http(s) origin standing in for the provider's API. */
export const apiBaseSchema = z.url({ protocol: /^https?$/ }).optional()

/**
 * Provider options come from medusa-config, or from the environment when
 * left out there; a bad or missing one fails the boot with its name.
 */
export function parseProviderOptions<T extends z.ZodTypeAny>(
  provider: string,
  schema: T,
  options: Record<string, unknown> | undefined,
  env: Record<string, string>
): z.output<T> {
  const merged: Record<string, unknown> = { ...(options ?? {}) }
  for (const [key, variable] of Object.entries(env)) {
    if (merged[key] === undefined && process.env[variable]) merged[key] = process.env[variable]
  }
  const result = schema.safeParse(merged)
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(options)"}: ${issue.message}`)
    throw new Error(`${provider} payment provider: invalid options:\n  - ${issues.join("\n  - ")}`)
  }
  return result.data
}
