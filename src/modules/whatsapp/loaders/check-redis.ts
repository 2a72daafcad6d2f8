import { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redactRedisUrl, redisUnreachable } from "../../../lib/redis-reachability"

/**
 * Fails boot when the store runs on Redis (projectConfig.redisUrl, or a
 * Redis module's own URL) and nothing answers there. Medusa's Redis modules
 * log the failure and start anyway, and then every event and scheduled job
 * waits for a Redis that is not there: a merchant would see a store that
 * takes webhooks and never answers.
 */
export default async function checkRedisLoader({ container }: LoaderOptions) {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true }) as
    | { projectConfig?: { redisUrl?: string }; modules?: Record<string, unknown> | unknown[] }
    | undefined
  if (!config) return
  const urls = new Set<string>()
  if (config.projectConfig?.redisUrl) urls.add(config.projectConfig.redisUrl)
  const modules = Array.isArray(config.modules) ? config.modules : Object.values(config.modules ?? {})
  for (const mod of modules as { resolve?: string; options?: any }[]) {
    if (!mod || typeof mod !== "object" || !String(mod.resolve ?? "").includes("redis")) continue
    const own = mod.options?.redisUrl ?? mod.options?.redis?.redisUrl ?? mod.options?.redis?.url
    if (typeof own === "string") urls.add(own)
    for (const provider of mod.options?.providers ?? []) {
      if (typeof provider?.options?.redisUrl === "string") urls.add(provider.options.redisUrl)
    }
  }
  for (const url of urls) {
    const reason = await redisUnreachable(url)
    if (reason) {
      throw new Error(
        `medusa-plugin-whatsapp-commerce: Redis is unreachable at REDIS_URL ${redactRedisUrl(url)}: ${reason}. ` +
          `Medusa's Redis modules (event bus, workflow engine, locking) need it to process anything: start Redis, or correct REDIS_URL (projectConfig.redisUrl and the Redis modules' redisUrl).`
      )
    }
  }
}
