import { Button, Container, Heading, RadioGroup, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { failureOf } from "../../../lib/onboarding-error-body"
import type { AdminWhatsAppAccount, MetaCatalogChoice } from "../../../types/http"
import { useRememberCatalogRun } from "../../hooks/catalog"
import { useConnectMetaCatalog, useCreateMetaCatalog, useMetaCatalogs } from "../../hooks/onboarding"
import { CatalogUsedByNote } from "../settings/catalog-sharing-note"
import { CatalogFirstSync } from "./catalog-first-sync"
import { FailureNote } from "./failure-note"
import { InputActionRow } from "./input-action-row"

const describe = (c: MetaCatalogChoice) =>
  [
    c.product_count === null ? null : `${c.product_count} items`,
    c.vertical,
    c.connected ? "connected to this number's WhatsApp account" : null,
    c.used_by.length ? `also used by ${c.used_by.length} other number${c.used_by.length > 1 ? "s" : ""}` : null,
    c.id,
  ]
    .filter(Boolean)
    .join(" · ")

/**
 * The catalog the number sells from: pick one of the business's catalogs or
 * create one, connect it to the WhatsApp Business Account (which has one;
 * replacing it asks first), then watch the first sync. In the wizard and on
 * the account page.
 */
export const CatalogStep = ({ account }: { account: AdminWhatsAppAccount }) => {
  const catalogs = useMetaCatalogs(account.id)
  const create = useCreateMetaCatalog(account.id)
  const connect = useConnectMetaCatalog(account.id)
  const remember = useRememberCatalogRun(account.id)
  const prompt = usePrompt()
  const [picked, setPicked] = useState<string | null>(null)
  const [newName, setNewName] = useState("")

  const list = catalogs.data?.catalogs ?? []
  const selectedId = picked ?? catalogs.data?.waba_catalog_id ?? account.catalog_id ?? null
  const selected = list.find((c) => c.id === selectedId) ?? null
  const connectedAccount = connect.data?.account ?? account

  const onCreate = () =>
    create.mutate(
      { name: newName.trim(), vertical: "commerce" },
      {
        onSuccess: ({ catalog }) => {
          setPicked(catalog.id)
          setNewName("")
          toast.success(`Catalog "${catalog.name}" created`)
        },
      }
    )

  const onConnect = (replace = false) => {
    if (!selectedId) return
    connect.mutate(
      { catalog_id: selectedId, start_sync: true, ...(replace ? { replace: true } : {}) },
      {
        onSuccess: (result) => {
          if (result.sync_run) remember(result.sync_run)
          toast.success(`Catalog "${result.catalog.name}" connected`)
        },
        onError: async (error) => {
          const failure = failureOf(error)
          if (failure.status !== 409 || replace) return
          const current = list.find((c) => c.id === failure.waba_catalog_id)
          const confirmed = await prompt({
            title: "Replace the WhatsApp account's catalog?",
            description: `This WhatsApp Business Account is connected to ${current ? `"${current.name}"` : "another catalog"}${
              failure.waba_catalog_id ? ` (${failure.waba_catalog_id})` : ""
            }, and it can have only one. Customers will see the products of the new catalog instead, on every number of this account.`,
            confirmText: "Replace",
            cancelText: "Keep the current one",
          })
          if (confirmed) onConnect(true)
        },
      }
    )
  }

  // The 409 is answered by the prompt; any other failure is shown as it is.
  const connectError = connect.error && failureOf(connect.error).status === 409 && !connect.variables?.replace ? null : connect.error
  const isCurrent = !!selectedId && selectedId === connectedAccount.catalog_id

  return (
    <Container className="divide-y p-0" data-testid="catalog-step" data-connected-catalog={connectedAccount.catalog_id ?? ""}>
      <div className="px-6 py-4">
        <Heading level="h2">Catalog</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The products customers see and order in WhatsApp. A WhatsApp Business Account has one catalog; the store keeps it in step with
          your products.
        </Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {catalogs.isLoading && <Text size="small">Asking Meta for your business's catalogs…</Text>}
        <FailureNote error={catalogs.error} title="Could not list the business's catalogs." testId="catalog-step-list-error" />
        {catalogs.data && !list.length && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="meta-catalogs-empty">
            Your business has no catalog yet: create one below.
          </Text>
        )}
        {list.length > 0 && (
          <RadioGroup value={selectedId ?? ""} onValueChange={setPicked} className="flex flex-col gap-y-2" data-testid="meta-catalogs">
            {list.map((c) => (
              <div key={c.id} data-testid="meta-catalog-option" data-catalog-id={c.id} data-connected={c.connected}>
                <RadioGroup.ChoiceBox value={c.id} label={c.name} description={describe(c)} />
              </div>
            ))}
          </RadioGroup>
        )}
      </div>
      {selected && <CatalogUsedByNote usedBy={selected.used_by.filter((a) => a.id !== account.id)} />}
      <div className="px-6 py-4">
        <InputActionRow
          id="meta-catalog-name"
          label="Or create a catalog"
          placeholder="e.g. My shop on WhatsApp"
          value={newName}
          onChange={setNewName}
          onSubmit={onCreate}
          action="Create"
          isLoading={create.isPending}
          testId="meta-catalog-create"
        >
          <Text size="xsmall" className="text-ui-fg-subtle">
            Created in your Meta business as a commerce catalog.
          </Text>
          <FailureNote error={create.error} title="The catalog was not created." testId="meta-catalog-create-error" />
        </InputActionRow>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <FailureNote error={connectError} title="The catalog was not connected." testId="meta-catalog-connect-error" />
        <div className="flex justify-end">
          <Button
            size="small"
            onClick={() => onConnect()}
            disabled={!selectedId || isCurrent}
            isLoading={connect.isPending}
            data-testid="meta-catalog-connect"
          >
            {isCurrent ? "Connected" : "Connect and sync"}
          </Button>
        </div>
      </div>
      {connectedAccount.catalog_id && <CatalogFirstSync account={connectedAccount} />}
    </Container>
  )
}
