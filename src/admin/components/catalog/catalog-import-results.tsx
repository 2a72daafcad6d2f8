import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { CatalogAccount, CatalogImportResult } from "./catalog-types"
import { MapToVariant } from "./map-to-variant"

type Props = {
  account: CatalogAccount
  result: CatalogImportResult
  onClose: () => void
}

/** What "Import from Meta" found: matched items, and the unmatched ones to map by hand. */
export const CatalogImportResults = ({ account, result, onClose }: Props) => {
  // retailer id → variant it was mapped to in this session (the import result itself is a snapshot).
  const [mapped, setMapped] = useState<Record<string, string>>({})
  const bySku = result.matched.filter((m) => m.by === "sku").length
  const byMapping = result.matched.length - bySku
  const remaining = result.unmatched.filter((u) => !mapped[u.retailer_id]).length

  return (
    <Container className="divide-y p-0" data-testid="catalog-import-results">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Import from Meta — {account.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Read {result.total} items from catalog {account.catalog_id}.{" "}
            <span data-testid="catalog-import-matched" data-count={result.matched.length}>
              {result.matched.length} matched
            </span>{" "}
            ({byMapping} already mapped, {bySku} by SKU);{" "}
            <span data-testid="catalog-import-unmatched-count" data-count={remaining}>
              {remaining} still unmatched
            </span>
            .
          </Text>
        </div>
        <Button size="small" variant="transparent" onClick={onClose}>
          Close
        </Button>
      </div>
      {result.unmatched.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Every item in the Meta catalog matched a variant.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Content ID</Table.HeaderCell>
              <Table.HeaderCell>Name at Meta</Table.HeaderCell>
              <Table.HeaderCell>Map to variant</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {result.unmatched.map((item) => (
              <Table.Row
                key={item.retailer_id}
                className="[&_td]:py-2"
                data-testid="catalog-unmatched-row"
                data-retailer-id={item.retailer_id}
                data-mapped={mapped[item.retailer_id] ? "true" : "false"}
              >
                <Table.Cell className="font-mono">{item.retailer_id}</Table.Cell>
                <Table.Cell>{item.name ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                <Table.Cell>
                  {mapped[item.retailer_id] ? (
                    <Badge color="green" size="2xsmall">
                      Mapped to {mapped[item.retailer_id]}
                    </Badge>
                  ) : (
                    <MapToVariant
                      retailerId={item.retailer_id}
                      catalogId={account.catalog_id}
                      onMapped={(variantId) => setMapped((prev) => ({ ...prev, [item.retailer_id]: variantId }))}
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
