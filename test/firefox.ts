// Launch options for Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (Playwright
// cannot drive a stock Firefox). No downloaded browsers: set PUPPETEER_SKIP_DOWNLOAD when installing.
import { ProtocolError, type LaunchOptions, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The browser window's size, set at launch: every tab opens with a `width`-px-wide viewport (its
 * height is the window's less Firefox's toolbars). Set here rather than with `page.setViewport`,
 * which needs `emulation.setScreenOrientationOverride` (missing in bookworm main's Firefox 140 ESR).
 */
export const FIREFOX_WINDOW = { width: 1280, height: 900 } as const;

export const firefoxLaunchOptions: LaunchOptions = {
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  // No per-tab viewport emulation: tabs take the window's size (see FIREFOX_WINDOW).
  defaultViewport: null,
  args: [`--width=${FIREFOX_WINDOW.width}`, `--height=${FIREFOX_WINDOW.height}`],
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

/**
 * Gives `page` a `width` × `height` viewport, in every Firefox ESR from 140 on, and waits until the
 * page sees it. puppeteer's `page.setViewport` sends the standard `browsingContext.setViewport`
 * together with `emulation.setScreenOrientationOverride`, which Firefox 140 answers with "unknown
 * command"; there, send `browsingContext.setViewport` alone (a window can't be resized instead:
 * `browser.setClientWindowState` is missing too, and a window is never narrower than 500 px).
 */
export async function setViewportSize(page: Page, width: number, height: number): Promise<void> {
  try {
    await page.setViewport({ width, height });
  } catch (error) {
    if (!(error instanceof ProtocolError && /unknown command.*setScreenOrientationOverride/s.test(error.message))) throw error;
    // puppeteer's BiDi connection and the tab's browsing-context id (both internal to puppeteer).
    const connection = (page.browser() as unknown as { connection?: { send(method: string, params: object): Promise<unknown> } }).connection;
    const context = (page.mainFrame() as unknown as { _id?: string })._id;
    if (!connection || !context) throw new Error('setViewportSize: puppeteer no longer exposes its BiDi connection', { cause: error });
    await connection.send('browsingContext.setViewport', { context, viewport: { width, height } });
  }
  await page.waitForFunction((w: number) => window.innerWidth === w, { timeout: 5_000, polling: 50 }, width);
}
