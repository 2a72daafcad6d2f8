// 10,000 triggering events (customer texts) with 20 enabled keyword rules:
// time from the event to the rule's text queued, through the automation
// engine (book the run and claim it in one statement, check conditions, fill in variables, run
// the action), beside the same texts queued directly through
// sendWhatsAppMessageWorkflow, interleaved in the same run. Then every event
// is replayed: no new run and no second message may appear.
const { runInHost } = require("./_host-exec")

async function run() {
  const { figures } = await runInHost("automations.exec.ts", "automations")
  const targets = { p50_ratio: "<= 1.5", p95_ratio: "<= 1.5", runs_after_replay: String(figures.events), duplicate_actions: "0" }
  const met =
    figures.p50_ratio <= 1.5 &&
    figures.p95_ratio <= 1.5 &&
    figures.runs_after_replay === figures.events &&
    figures.automation_messages === figures.events &&
    figures.duplicate_actions === 0
  return { figures, targets, met }
}

module.exports = { run }
