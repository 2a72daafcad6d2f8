import { Button, Select } from "@medusajs/ui"
import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"
import { useAdminUsers, useUpdateConversation } from "../../hooks/team-inbox"
import { adminUserName } from "./inbox-format"

const NOBODY = "unassigned"

/** Who answers this conversation (Medusa's admin users), and closing or reopening it. */
export const AssignmentControls = ({ conversation }: { conversation: Conversation }) => {
  const users = useAdminUsers()
  const update = useUpdateConversation(conversation.id)
  const closed = conversation.status === "closed"
  return (
    <div className="flex items-center gap-2" data-testid="assignment-controls">
      <div className="w-44">
        <Select
          size="small"
          value={conversation.assigned_to_id ?? NOBODY}
          disabled={update.isPending}
          onValueChange={(value) => update.mutate({ assigned_to_id: value === NOBODY ? null : value })}
        >
          <Select.Trigger data-testid="assignee-select" aria-label="Assigned to">
            <Select.Value placeholder="Assign" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NOBODY}>Unassigned</Select.Item>
            {(users.data?.users ?? []).map((user) => (
              <Select.Item key={user.id} value={user.id}>
                {adminUserName(user)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Button
        size="small"
        variant="secondary"
        isLoading={update.isPending}
        data-testid="status-toggle"
        onClick={() => update.mutate({ status: closed ? "open" : "closed" })}
      >
        {closed ? "Reopen" : "Close"}
      </Button>
    </div>
  )
}
