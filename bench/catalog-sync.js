// Full catalog sync of 10,000 variants against Medusa's own read of the same
// variants with prices and stock, plus a no-change re-sync. Runs the test
// host on a fresh database (embedded PostgreSQL unless DATABASE_URL is set).
const { runInHost } = require("./_host-exec")

async function run() {
  const { figures } = await runInHost("catalog-sync.exec.ts", "catalog")
  const targets = { batch_calls: "<= 4", sync_to_read_ratio: "<= 3", resync_items_sent: "0" }
  const met = figures.batch_calls <= 4 && figures.sync_to_read_ratio <= 3 && figures.resync_items_sent === 0 && figures.items_in_fake_catalog === figures.variants
  return { figures, targets, met }
}

module.exports = { run }
