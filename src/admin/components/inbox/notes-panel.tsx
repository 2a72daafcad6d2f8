import { Button, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useAddNote, useAdminUsers, useNotes } from "../../hooks/team-inbox"
import { adminUserName, shortTime } from "./inbox-format"

/** Internal notes for the team: shown only here, never sent to the customer. */
export const NotesPanel = ({ conversationId }: { conversationId: string }) => {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState("")
  const notes = useNotes(conversationId)
  const add = useAddNote(conversationId)
  const users = useAdminUsers()
  const author = (id: string) => {
    const user = users.data?.users.find((u) => u.id === id)
    return user ? adminUserName(user) : "An admin"
  }
  const list = notes.data?.notes ?? []
  return (
    <div className="flex flex-col gap-2 bg-ui-bg-subtle px-6 py-3" data-testid="notes-panel">
      <button type="button" className="text-left" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Text size="small" weight="plus">
          Internal notes ({list.length}) <span className="text-ui-fg-muted">· only your team sees these</span>
        </Text>
      </button>
      {open && (
        <>
          <ul className="flex max-h-40 flex-col gap-1 overflow-y-auto">
            {list.map((note) => (
              <li key={note.id} data-testid="note">
                <Text size="small">{note.text}</Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {author(note.author_id)} · {shortTime(note.created_at)}
                </Text>
              </li>
            ))}
          </ul>
          <div className="flex items-end gap-2">
            <Textarea className="min-h-[48px] flex-1" placeholder="Add a note for the team…" value={text} onChange={(e) => setText(e.target.value)} data-testid="note-input" />
            <Button
              size="small"
              variant="secondary"
              disabled={!text.trim() || add.isPending}
              isLoading={add.isPending}
              data-testid="note-add"
              onClick={() => add.mutate(text.trim(), { onSuccess: () => setText("") })}
            >
              Add note
            </Button>
          </div>
        </>
      )}
    </div>
  )
}
