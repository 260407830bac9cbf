import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); .ci/run installs it. */
export const chromiumPath = '/usr/bin/chromium';

/** Run the end-to-end suites when the browser is here, and always in CI (where a missing browser must fail, not skip). */
export const shouldRunEndToEnd = (env: NodeJS.ProcessEnv): boolean => existsSync(chromiumPath) || Boolean(env.CI);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    timeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
