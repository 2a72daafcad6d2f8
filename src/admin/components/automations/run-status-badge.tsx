import { StatusBadge } from "@medusajs/ui"
import type { AutomationActionResult, AutomationRunStatus } from "../../../types/http/automations"

type Color = "green" | "red" | "orange" | "blue" | "grey" | "purple"
const RUN_COLORS: Record<AutomationRunStatus, Color> = {
  waiting: "grey",
  running: "blue",
  succeeded: "green",
  partial: "orange",
  failed: "red",
  skipped: "grey",
}
const RESULT_COLORS: Record<AutomationActionResult["status"], Color> = { done: "green", skipped: "grey", failed: "red", pending: "blue" }

export const RunStatusBadge = ({ status, testId = "automation-run-status" }: { status: AutomationRunStatus; testId?: string }) => (
  <StatusBadge color={RUN_COLORS[status] ?? "grey"} data-testid={testId} data-status={status}>
    {status}
  </StatusBadge>
)

export const ResultStatusBadge = ({ status }: { status: AutomationActionResult["status"] }) => (
  <StatusBadge color={RESULT_COLORS[status] ?? "grey"} data-testid="automation-run-result-status" data-status={status}>
    {status}
  </StatusBadge>
)
