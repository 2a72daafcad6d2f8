import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { synonymGroupProblem } from "../../../api/admin/whatsapp/search/synonyms/validators"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { invalidateSearchSynonyms } from "../search-synonyms"

export type SearchSynonymInput = { mode?: "two_way" | "one_way"; source?: string | null; terms: string[] }

const service = (container: { resolve: (key: string) => unknown }) => container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService

function check(group: Partial<SearchSynonymInput>) {
  const problem = synonymGroupProblem(group)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
}

// Search reads groups at query time (cached briefly): each change drops the cache, so the next message sees it.
const createStepDef = createStep(
  "create-whatsapp-search-synonym",
  async (input: SearchSynonymInput, { container }) => {
    check(input)
    const group = await service(container).createWhatsappSearchSynonyms({ mode: input.mode ?? "two_way", source: input.source ?? null, terms: input.terms } as any)
    invalidateSearchSynonyms()
    return new StepResponse(group, group.id)
  },
  async (id, { container }) => {
    if (!id) return
    await service(container).deleteWhatsappSearchSynonyms(id)
    invalidateSearchSynonyms()
  }
)

const updateStepDef = createStep(
  "update-whatsapp-search-synonym",
  async (input: Partial<SearchSynonymInput> & { id: string }, { container }) => {
    const before = await service(container).retrieveWhatsappSearchSynonym(input.id)
    check({ ...before, ...input } as Partial<SearchSynonymInput>)
    const group = await service(container).updateWhatsappSearchSynonyms(input as any)
    invalidateSearchSynonyms()
    return new StepResponse(group, before)
  },
  async (before, { container }) => {
    if (!before) return
    await service(container).updateWhatsappSearchSynonyms({ id: before.id, mode: before.mode, source: before.source, terms: before.terms } as any)
    invalidateSearchSynonyms()
  }
)

const deleteStepDef = createStep(
  "delete-whatsapp-search-synonym",
  async (input: { id: string }, { container }) => {
    await service(container).retrieveWhatsappSearchSynonym(input.id)
    await service(container).softDeleteWhatsappSearchSynonyms(input.id)
    invalidateSearchSynonyms()
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await service(container).restoreWhatsappSearchSynonyms(id)
    invalidateSearchSynonyms()
  }
)

/** Adds a merchant synonym group; search applies it from the next message on. */
export const createWhatsAppSearchSynonymWorkflow = createWorkflow(
  "create-whatsapp-search-synonym",
  (input: SearchSynonymInput) => new WorkflowResponse(createStepDef(input))
)

export const updateWhatsAppSearchSynonymWorkflow = createWorkflow(
  "update-whatsapp-search-synonym",
  (input: Partial<SearchSynonymInput> & { id: string }) => new WorkflowResponse(updateStepDef(input))
)

export const deleteWhatsAppSearchSynonymWorkflow = createWorkflow(
  "delete-whatsapp-search-synonym",
  (input: { id: string }) => new WorkflowResponse(deleteStepDef(input))
)
