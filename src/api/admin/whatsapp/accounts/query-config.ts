/** Fields the admin API reads back; secrets are read only to be masked. */
export const accountFields = [
  "id",
  "name",
  "waba_id",
  "business_id",
  "phone_number_id",
  "display_phone_number",
  "access_token",
  "app_secret",
  "catalog_id",
  "sales_channel_id",
  "region_id",
  "language",
  "settings",
  "created_at",
  "updated_at",
]
