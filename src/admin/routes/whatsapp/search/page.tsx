import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, createDataTableColumnHelper, Heading, Input, Label, Select, Text, toast, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { AdminWhatsAppSearchSynonym } from "../../../../types/http"
import { QueryDataTable } from "../../../components/query-data-table"
import { useDeleteSearchSynonym, useSaveSearchSynonym, useSearchSynonyms, useSearchTryOut } from "../../../hooks/search"
import { apiErrorMessage } from "../../../lib/api-error"
import { useDebouncedValue } from "../../../lib/use-debounced-value"

const splitTerms = (text: string) => text.split(",").map((t) => t.trim()).filter(Boolean)

/** Adds a group: two-way (every term finds the others) or one-way (a word also finds the terms). */
function NewSynonymForm() {
  const [mode, setMode] = useState<"two_way" | "one_way">("two_way")
  const [source, setSource] = useState("")
  const [terms, setTerms] = useState("")
  const save = useSaveSearchSynonym()
  const submit = () =>
    save.mutate(
      { mode, source: mode === "one_way" ? source : null, terms: splitTerms(terms) },
      {
        onSuccess: () => {
          setSource("")
          setTerms("")
          toast.success("Synonyms saved: search uses them from the next message")
        },
        onError: (error) => toast.error(apiErrorMessage(error)),
      }
    )
  return (
    <div className="grid grid-cols-[180px_1fr_2fr_auto] items-end gap-3 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label size="small">Kind</Label>
        <Select value={mode} onValueChange={(v) => setMode(v as "two_way" | "one_way")}>
          <Select.Trigger data-testid="synonym-mode">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="two_way">All find each other</Select.Item>
            <Select.Item value="one_way">A word also finds…</Select.Item>
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Word</Label>
        <Input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          disabled={mode === "two_way"}
          placeholder={mode === "two_way" ? "—" : "regalo"}
          data-testid="synonym-source"
        />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">{mode === "two_way" ? "Terms, separated by commas" : "Also finds, separated by commas"}</Label>
        <Input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder="esterilla, mat de yoga, tapete de yoga" data-testid="synonym-terms" />
      </div>
      <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="synonym-add">
        Add
      </Button>
    </div>
  )
}

/** A text typed as a customer would, with what search understood and found. */
function TryOut() {
  const [text, setText] = useState("")
  const q = useDebouncedValue(text)
  const { data, error, isFetching } = useSearchTryOut(q)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Try a message</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How search reads a customer's text: the words it looks for, what each word stands for, and the products it would send.
        </Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="red t-shirt size M" data-testid="search-try-out" />
        {error && <Text className="text-ui-fg-error">{apiErrorMessage(error)}</Text>}
        {data && q.trim() && (
          <div className="flex flex-col gap-y-2" data-testid="search-understood">
            <div className="flex flex-wrap gap-2">
              {data.understood.units.length === 0 && <Text size="small">No product words: this text finds nothing.</Text>}
              {data.understood.units.map((u) => (
                <Badge key={u.word} size="2xsmall" color={u.kind === "product" ? "green" : "grey"}>
                  {u.word}
                  {u.kind ? ` · ${u.kind}` : ""}
                  {u.alternatives.length ? ` · ${u.alternatives.join(", ")}` : ""}
                </Badge>
              ))}
              {data.understood.sizes.map((s) => (
                <Badge key={`size-${s}`} size="2xsmall" color="blue">size {s.toUpperCase()}</Badge>
              ))}
              {data.understood.quantity !== null && <Badge size="2xsmall" color="blue">× {data.understood.quantity}</Badge>}
            </div>
            {data.matches.map((m) => (
              <Text key={m.product_id} size="small" data-testid="search-match">
                {m.title} {m.matched_variant ? "(variant chosen)" : ""} · {m.score.toFixed(2)}
              </Text>
            ))}
            {!data.matches.length && !isFetching && <Text size="small" className="text-ui-fg-subtle">Nothing found.</Text>}
          </div>
        )}
      </div>
    </Container>
  )
}

const column = createDataTableColumnHelper<AdminWhatsAppSearchSynonym>()

/** Merchant synonyms for WhatsApp search, and a box to try how texts are read. */
const WhatsAppSearchPage = () => {
  const { data, error, isLoading } = useSearchSynonyms()
  const remove = useDeleteSearchSynonym()
  const columns = useMemo(
    () => [
      column.accessor("mode", {
        header: "Kind",
        cell: ({ getValue }) => (getValue() === "two_way" ? "All find each other" : "One way"),
      }),
      column.accessor("source", { header: "Word", cell: ({ getValue }) => getValue() ?? "—" }),
      column.accessor("terms", { header: "Terms", cell: ({ getValue }) => <span data-testid="synonym-row-terms">{getValue().join(", ")}</span> }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <Button
            size="small"
            variant="secondary"
            onClick={() => remove.mutate(row.original.id, { onError: (e) => toast.error(apiErrorMessage(e)) })}
          >
            Remove
          </Button>
        ),
      }),
    ],
    [remove]
  )
  const table = useDataTable({
    data: data?.synonyms ?? [],
    columns,
    getRowId: (r) => r.id,
    rowCount: data?.synonyms.length ?? 0,
    isLoading,
  })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Search synonyms</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Search already understands everyday product words in Spanish, Portuguese and English. Add your shop's own words
            here; they apply from the next message, without re-indexing.
          </Text>
        </div>
        <NewSynonymForm />
        <QueryDataTable instance={table} error={error} what="synonyms" empty={{ heading: "No synonyms yet.", testId: "synonyms-empty" }} />
      </Container>
      <TryOut />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Search" })

export default WhatsAppSearchPage
