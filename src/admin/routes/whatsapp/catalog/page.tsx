import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { CatalogAccountsSection } from "../../../components/catalog/catalog-accounts-section"
import { CatalogImportResults } from "../../../components/catalog/catalog-import-results"
import { CatalogItemsTable } from "../../../components/catalog/catalog-items-table"
import { CatalogStatusSummary } from "../../../components/catalog/catalog-status-summary"
import type {
  AdminWhatsAppAccount as CatalogAccount,
  AdminWhatsAppCatalogImport as CatalogImportResult,
  AdminWhatsAppCatalogItemStatus as CatalogItemStatus,
} from "../../../../types/http"
import { useWhatsAppAccounts } from "../../../hooks/accounts"

const ALL_CATALOGS = "all"

const WhatsAppCatalogPage = () => {
  const accounts = useWhatsAppAccounts()
  const [status, setStatus] = useState<CatalogItemStatus | undefined>()
  const [pageIndex, setPageIndex] = useState(0)
  const [catalogFilter, setCatalogFilter] = useState(ALL_CATALOGS)
  const [imported, setImported] = useState<{ account: CatalogAccount; result: CatalogImportResult; seq: number } | null>(null)

  // Several numbers may share one catalog; only offer a choice when there really are several.
  const catalogIds = [...new Set((accounts.data?.accounts ?? []).map((a) => a.catalog_id).filter((id): id is string => !!id))]
  const catalogId = catalogFilter === ALL_CATALOGS ? undefined : catalogFilter

  const changeStatus = (next: CatalogItemStatus | undefined) => {
    setStatus(next)
    setPageIndex(0)
  }

  return (
    <div className="flex flex-col gap-y-3">
      {/* A fresh `seq` remounts the import results, dropping the previous import's mapped rows. */}
      <CatalogAccountsSection
        accounts={accounts.data?.accounts}
        isLoading={accounts.isLoading}
        error={accounts.error}
        onImported={(account, result) => setImported((prev) => ({ account, result, seq: (prev?.seq ?? 0) + 1 }))}
      />
      {imported && (
        <CatalogImportResults
          key={imported.seq}
          account={imported.account}
          result={imported.result}
          onClose={() => setImported(null)}
        />
      )}
      {catalogIds.length > 1 && (
        <div className="flex items-center justify-end gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            Catalog
          </Text>
          <div className="w-[220px]">
            <Select
              size="small"
              value={catalogFilter}
              onValueChange={(value) => {
                setCatalogFilter(value)
                setPageIndex(0)
              }}
            >
              <Select.Trigger data-testid="catalog-catalog-filter">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL_CATALOGS}>All catalogs</Select.Item>
                {catalogIds.map((id) => (
                  <Select.Item key={id} value={id}>
                    {id}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
      )}
      <CatalogStatusSummary catalogId={catalogId} selected={status} onSelect={changeStatus} />
      <CatalogItemsTable
        catalogId={catalogId}
        status={status}
        onStatusChange={changeStatus}
        pageIndex={pageIndex}
        onPageChange={setPageIndex}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Catalog",
})

export default WhatsAppCatalogPage
