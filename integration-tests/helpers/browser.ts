import fs from "node:fs"
import { Browser, chromium } from "playwright-core"

/** Debian's Chromium, which `npm test`'s pretest installs; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/**
 * Throws when Chromium is not there, so a browser spec fails at once and says
 * how to fix it (never skips). Demo specs call it before starting the demo.
 */
export function requireChromium() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: this browser spec cannot run. ` +
        "Run `node scripts/ensure-test-deps.js` (npm test runs it first), or `apt-get install -y chromium fonts-noto-color-emoji`, or set CHROMIUM_PATH."
    )
  }
}

export async function launchChromium(): Promise<Browser> {
  requireChromium()
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
}
