import type { GraphApiClient } from "./client"
import type { MessageTemplate } from "./types"

/** More pages than any real WABA has; a runaway cursor cannot loop forever. */
const MAX_PAGES = 20

/** Every template of a WABA, following Meta's cursor pages. */
export async function listAllTemplates(client: GraphApiClient, wabaId: string): Promise<MessageTemplate[]> {
  const templates: MessageTemplate[] = []
  let after: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, paging } = await client.listTemplates(wabaId, after)
    templates.push(...(data ?? []))
    after = paging?.next ? paging.cursors?.after : undefined
    if (!after) break
  }
  return templates
}
