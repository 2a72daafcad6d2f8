import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, createDataTableColumnHelper, Heading, Input, Label, Text, Textarea, toast, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { AdminWhatsAppCannedReply } from "../../../../types/http"
import { CANNED_REPLY_VARIABLES } from "../../../../lib/inbox/canned-reply"
import { QueryDataTable } from "../../../components/query-data-table"
import { useCannedReplies, useCreateCannedReply, useDeleteCannedReply } from "../../../hooks/team-inbox"

/** Adds a saved reply; the server refuses a variable it does not know. */
function NewCannedReplyForm() {
  const [title, setTitle] = useState("")
  const [text, setText] = useState("")
  const save = useCreateCannedReply()
  const submit = () =>
    save.mutate(
      { title, text },
      {
        onSuccess: () => {
          setTitle("")
          setText("")
          toast.success("Canned reply saved")
        },
      }
    )
  return (
    <div className="grid grid-cols-[200px_1fr_auto] items-end gap-3 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label size="small">Title</Label>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Greeting" data-testid="canned-title" />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Text</Label>
        <Textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="Hi {{customer_first_name}}, {{agent_name}} from {{store_name}} here." data-testid="canned-text" />
      </div>
      <Button size="small" onClick={submit} disabled={!title.trim() || !text.trim()} isLoading={save.isPending} data-testid="canned-add">
        Add
      </Button>
    </div>
  )
}

const column = createDataTableColumnHelper<AdminWhatsAppCannedReply>()

/** The team's saved replies, inserted from the inbox's composer with the conversation's values filled. */
const CannedRepliesPage = () => {
  const { data, error, isLoading } = useCannedReplies()
  const remove = useDeleteCannedReply()
  const columns = useMemo(
    () => [
      column.accessor("title", { header: "Title" }),
      column.accessor("text", { header: "Text", cell: ({ getValue }) => <span className="whitespace-pre-wrap">{getValue()}</span> }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <Button size="small" variant="secondary" onClick={() => remove.mutate(row.original.id)}>
            Remove
          </Button>
        ),
      }),
    ],
    [remove]
  )
  const table = useDataTable({ data: data?.canned_replies ?? [], columns, getRowId: (r) => r.id, rowCount: data?.canned_replies.length ?? 0, isLoading })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Canned replies</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Saved texts for the inbox. Variables: {CANNED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(", ")}.
        </Text>
      </div>
      <NewCannedReplyForm />
      <QueryDataTable instance={table} error={error} what="canned replies" empty={{ heading: "No canned replies yet.", testId: "canned-empty" }} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Canned replies" })

export default CannedRepliesPage
