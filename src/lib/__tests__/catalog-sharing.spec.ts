import { catalogSharingConflict, catalogSourceAccount, catalogSourceAccounts, DescribedCatalogAccount } from "../catalog/catalog-sharing"

const account = (overrides: Partial<DescribedCatalogAccount>): DescribedCatalogAccount => ({
  id: "waacc_es",
  name: "Store ES",
  display_phone_number: "+34 600 000 000",
  waba_id: "111",
  catalog_id: "123",
  region_id: "reg_eu",
  sales_channel_id: "sc_default",
  created_at: "2026-01-01T00:00:00Z",
  currency_code: "eur",
  region_name: "Europe",
  sales_channel_name: "Default",
  ...overrides,
})

const spain = account({})
const india = account({ id: "waacc_in", name: "Store IN", waba_id: "222", region_id: "reg_in", currency_code: "inr", region_name: "India", created_at: "2026-02-01T00:00:00Z" })

describe("catalogSourceAccount", () => {
  it("is the oldest account on the catalog that has a region and a sales channel", () => {
    const unconfigured = account({ id: "waacc_old", created_at: "2025-01-01T00:00:00Z", region_id: null })
    expect(catalogSourceAccount([india, unconfigured, spain], "123")?.id).toBe("waacc_es")
    expect(catalogSourceAccount([india, spain], "999")).toBeNull()
  })

  it("gives one account per catalog, so a shared catalog is synced once", () => {
    const other = account({ id: "waacc_mx", catalog_id: "456", created_at: "2026-03-01T00:00:00Z" })
    expect(catalogSourceAccounts([india, spain, other]).map((a) => a.id).sort()).toEqual(["waacc_es", "waacc_mx"])
  })
})

describe("catalogSharingConflict", () => {
  it("refuses a second account whose region prices in another currency, naming the conflict", () => {
    expect(catalogSharingConflict(india, [spain])).toBe(
      `Catalog 123 is already synced in EUR for sales channel "Default" by account "Store ES"; this account's region uses INR`
    )
  })

  it("refuses another sales channel", () => {
    const web = account({ id: "waacc_web", waba_id: "333", sales_channel_id: "sc_web", sales_channel_name: "Web", created_at: "2026-02-01T00:00:00Z" })
    expect(catalogSharingConflict(web, [spain])).toContain(`this account uses sales channel "Web"`)
  })

  it("lets another region in the same currency share the catalog", () => {
    const portugal = account({ id: "waacc_pt", waba_id: "444", region_id: "reg_pt", region_name: "Portugal", created_at: "2026-02-01T00:00:00Z" })
    expect(catalogSharingConflict(portugal, [spain])).toBeNull()
  })

  it("refuses a second catalog on one WABA", () => {
    const sameWaba = account({ id: "waacc_b", catalog_id: "789", created_at: "2026-02-01T00:00:00Z" })
    expect(catalogSharingConflict(sameWaba, [spain])).toContain("WhatsApp Business Account 111 already uses catalog 123")
  })

  it("does not check an account against itself, nor one without a catalog or region", () => {
    expect(catalogSharingConflict(spain, [spain])).toBeNull()
    expect(catalogSharingConflict({ ...india, catalog_id: null }, [spain])).toBeNull()
    expect(catalogSharingConflict({ ...india, region_id: null }, [spain])).toBeNull()
  })

  it("lets the source change its currency when nobody else prices the catalog", () => {
    expect(catalogSharingConflict({ ...spain, currency_code: "inr" }, [{ ...india, region_id: null, waba_id: "222" }])).toBeNull()
  })
})
