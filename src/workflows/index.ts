export * from "./channel/workflows/create-whatsapp-account"
export * from "./channel/workflows/update-whatsapp-account"
export * from "./channel/workflows/delete-whatsapp-account"
