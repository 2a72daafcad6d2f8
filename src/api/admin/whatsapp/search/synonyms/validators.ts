import { z } from "@medusajs/framework/zod"

const term = z.string().trim().min(1, "terms: empty term").max(100, "terms: at most 100 characters each")

const fields = {
  mode: z.enum(["two_way", "one_way"], { message: 'mode: "two_way" or "one_way"' }),
  source: z.string().trim().min(1, "source: empty").max(100, "source: at most 100 characters").nullable(),
  terms: z.array(term).min(1, "terms: at least one term").max(30, "terms: at most 30"),
}

/** Both modes' rules, on the body or on the group after a change. */
export function synonymGroupProblem(group: { mode?: string; source?: string | null; terms?: string[] }): string | null {
  const mode = group.mode ?? "two_way"
  if (mode === "two_way" && (group.terms?.length ?? 0) < 2) return "terms: a two-way group needs at least two terms"
  if (mode === "one_way" && !group.source?.trim()) return "source: a one-way group needs the word that also finds the terms"
  return null
}

export const AdminCreateSearchSynonym = z
  .object(fields)
  .partial({ mode: true, source: true })
  .strict()
  .superRefine((body, ctx) => {
    const problem = synonymGroupProblem(body)
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  })
export type AdminCreateSearchSynonymType = z.infer<typeof AdminCreateSearchSynonym>

export const AdminUpdateSearchSynonym = z.object(fields).partial().strict()
export type AdminUpdateSearchSynonymType = z.infer<typeof AdminUpdateSearchSynonym>
