import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { mapCatalogItemStep, MapCatalogItemInput } from "../steps/map-catalog-item"

export const mapWhatsAppCatalogItemWorkflow = createWorkflow("map-whatsapp-catalog-item", (input: MapCatalogItemInput) => {
  return new WorkflowResponse(mapCatalogItemStep(input))
})
