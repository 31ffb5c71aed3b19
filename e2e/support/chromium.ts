/**
 * How every browser of ours is launched: Debian's Chromium (never a downloaded one), with nothing that reaches
 * the network on its own. Used by the Playwright config, the bench and the scripts.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--no-first-run',
  ],
};
