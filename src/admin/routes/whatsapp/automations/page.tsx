/**
 * WhatsApp → Automations (issue 22): rules "When ‹trigger› [if ‹conditions›]
 * → [wait ‹delay›] → ‹actions›", their editor, test panel and runs.
 * Stable data-testid attributes, for the browser test:
 *
 * List (this page)
 *   automations-page, automation-create, automations-empty
 *   automation-row-name (data-rule-id; a link to the rule's page), automation-row-summary, automation-row-trigger (data-trigger)
 *   automation-enabled (a switch: data-rule-id, data-enabled), automation-last-run (data-status; "none" before any run)
 *   automation-edit (data-rule-id), automation-delete (data-rule-id; Medusa's prompt confirms)
 * Editor (a focus modal, from "Create" or "Edit")
 *   automation-editor, automation-summary (the sentence), automation-name-input, automation-account, automation-enabled-input
 *   automation-when: automation-trigger, automation-keyword-match, automation-keywords, automation-priority
 *   automation-if: automation-condition (data-index, data-field) with automation-condition-field, automation-condition-op,
 *     automation-condition-value (a select, a number input, or a picker), automation-condition-remove; automation-condition-add
 *   automation-wait: automation-delay, automation-delay-unit
 *   automation-then: automation-action (data-index, data-type) with automation-action-type, automation-action-remove,
 *     and per type automation-action-<field>: text, title, emails, fallback-template, template, parameter-<n>, products,
 *     collection, customer-group, user, tag, kind, value, expires, url, secret; automation-action-add
 *   a text with variables: <testid>, <testid>-variables with automation-variable (data-name; a click appends it),
 *     <testid>-unknown (data-names), <testid>-unbalanced
 *   a picker: <testid> (data-kind, data-value), <testid>-search, <testid>-option (data-id), <testid>-selected (data-id)
 *   automation-problems (why Save is disabled), automation-save, automation-save-error (the server's 400)
 * Rule page (/app/whatsapp/automations/:id)
 *   automation-detail (data-rule-id), automation-detail-summary, automation-enabled, automation-edit, automation-delete
 *   automation-test: automation-test-conversation, automation-test-cart, automation-test-order, automation-test-text,
 *     automation-test-run, automation-test-error, automation-test-result (data-matches), automation-test-reason,
 *     automation-test-variable (data-name), automation-test-action (data-index, data-type)
 *   automation-runs: automation-run (data-run-id, data-status), automation-run-key, automation-run-status (data-status),
 *     automation-run-attempts, automation-run-result (data-type, data-status) with automation-run-result-status and
 *     automation-run-result-detail, automation-run-error, automation-runs-empty
 */
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, createDataTableColumnHelper, Heading, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import type { AdminWhatsAppAutomationListResponse } from "../../../../types/http"
import { TRIGGER_LABELS, summarizeRule } from "../../../../lib/automations/rule-summary"
import { QueryDataTable } from "../../../components/query-data-table"
import { DeleteRuleButton, RuleEnabledSwitch } from "../../../components/automations/rule-controls"
import { RuleEditor } from "../../../components/automations/rule-editor"
import { RunStatusBadge } from "../../../components/automations/run-status-badge"
import { useAutomations } from "../../../hooks/automations"

type Row = AdminWhatsAppAutomationListResponse["automations"][number]
const column = createDataTableColumnHelper<Row>()

const AutomationsPage = () => {
  const { data, error, isLoading } = useAutomations()
  const [editing, setEditing] = useState<Row | null>(null)
  const [creating, setCreating] = useState(false)
  const navigate = useNavigate()

  const columns = [
    column.accessor("name", {
      header: "Rule",
      cell: ({ row }) => (
        <div className="flex flex-col py-2">
          <Link to={row.original.id} className="txt-compact-small-plus hover:underline" data-testid="automation-row-name" data-rule-id={row.original.id}>
            {row.original.name}
          </Link>
          <Text size="xsmall" className="text-ui-fg-subtle whitespace-normal" data-testid="automation-row-summary">{summarizeRule(row.original)}</Text>
        </div>
      ),
    }),
    column.accessor("trigger", {
      header: "Trigger",
      cell: ({ getValue }) => <span data-testid="automation-row-trigger" data-trigger={getValue().type}>{TRIGGER_LABELS[getValue().type] ?? getValue().type}</span>,
    }),
    column.accessor("enabled", { header: "Enabled", cell: ({ row }) => <RuleEnabledSwitch rule={row.original} /> }),
    column.accessor("last_run", {
      header: "Last run",
      cell: ({ getValue }) => {
        const run = getValue()
        if (!run) return <span className="text-ui-fg-muted" data-testid="automation-last-run" data-status="none">Never</span>
        return (
          <div className="flex flex-col" data-testid="automation-last-run" data-status={run.status}>
            <RunStatusBadge status={run.status} testId="automation-last-run-status" />
            <Text size="xsmall" className="text-ui-fg-muted">{new Date(run.created_at).toLocaleString()}</Text>
          </div>
        )
      },
    }),
    column.display({
      id: "manage",
      cell: ({ row }) => (
        <div className="flex justify-end gap-2">
          <Button size="small" variant="secondary" onClick={() => setEditing(row.original)} data-testid="automation-edit" data-rule-id={row.original.id}>
            Edit
          </Button>
          <DeleteRuleButton rule={row.original} />
        </div>
      ),
    }),
  ]

  const table = useDataTable({
    data: data?.automations ?? [],
    columns,
    getRowId: (r) => r.id,
    rowCount: data?.count ?? 0,
    isLoading,
  })

  return (
    <Container className="divide-y p-0" data-testid="automations-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Automations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            When something happens in WhatsApp or to an order, check your conditions, wait if you like, then act: each event runs a rule once.
          </Text>
        </div>
        <Button size="small" onClick={() => setCreating(true)} data-testid="automation-create">Create</Button>
      </div>
      <QueryDataTable
        instance={table}
        error={error}
        what="automations"
        empty={{ heading: "No automation yet.", description: "Create one: for example, when a cart is submitted → notify admins.", testId: "automations-empty" }}
      />
      <RuleEditor open={creating} onOpenChange={setCreating} onSaved={(rule) => navigate(rule.id)} />
      {editing && <RuleEditor rule={editing} open onOpenChange={(open) => !open && setEditing(null)} />}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Automations" })

export default AutomationsPage
