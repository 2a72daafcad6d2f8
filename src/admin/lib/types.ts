export type WhatsappAccount = {
  id: string
  name: string
  waba_id: string
  phone_number_id: string
  display_phone_number: string | null
  access_token: string | null
  app_secret: string | null
  catalog_id: string | null
  language: string
  created_at: string
}
