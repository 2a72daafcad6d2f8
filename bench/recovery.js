// The abandoned-cart job against a WhatsApp cart table of 10,000 and of
// 100,000 rows (100 due each time: its cost must follow the due carts, not
// the history), then 1,000 reminders (1% of 100,000) paced at 80 msg/s
// through the fake Graph API. Runs the test host on a fresh database.
const { runInHost } = require("./_host-exec")

async function run() {
  process.env.WHATSAPP_MESSAGES_PER_SECOND = "80"
  const { figures } = await runInHost("recovery.exec.ts", "recovery")
  const targets = { ratio_100k_to_10k: "<= 2", rate_share: ">= 0.95", peak_in_any_second: "<= 80", reminders_sent: "1000" }
  const met =
    figures.ratio_100k_to_10k <= 2 &&
    figures.rate_share >= 0.95 &&
    figures.peak_in_any_second <= figures.configured_rate &&
    figures.reminders_sent === 1000 &&
    figures.reminders_failed === 0
  return { figures, targets, met }
}

module.exports = { run }
