// Launch options for Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (Playwright
// cannot drive a stock Firefox). No downloaded browsers: set PUPPETEER_SKIP_DOWNLOAD when installing.
import type { LaunchOptions } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const firefoxLaunchOptions: LaunchOptions = {
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  // Slow shared CI machines: the first BiDi connection can take a while.
  timeout: 60_000,
  protocolTimeout: 60_000,
  extraPrefsFirefox: {
    // Loopback only: no update checks, telemetry, captive-portal or remote-settings traffic.
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'services.settings.server': 'http://127.0.0.1:9/',
  },
};
