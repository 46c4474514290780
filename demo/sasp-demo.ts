// Demo section for baton-sdk/sasp: the whole post-payment flow as an integrator would build it.
// The merchant server (mock, /merchant/sasp/…) holds the reseller login: it mints the session and,
// by default, relays the status (the browser sends only the order number). The upload is a real
// form post into a hidden frame, which Sectigo's upload endpoint (no CORS) accepts.
import {
  BatonError,
  ProviderError,
  getPostPaymentStatus,
  mountUploadForm,
  openPostPayment,
  parseSessionResponse,
  renderStatus,
  type PostPaymentStatus,
  type SaspAction,
  type SaspSession,
} from 'baton-sdk/sasp';
import { onLanguageChange, texts } from './language.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

const describeError = (error: unknown) =>
  error instanceof BatonError ? `${error.name}: ${error.message}` : error instanceof Error ? error.message : String(error);

export function mountSaspDemo(root: HTMLElement): void {
  // The mock plays Sectigo on the other loopback name (another origin, as the real one is): point
  // the SDK at it (plain http is loopback-only). The merchant server is this page's origin.
  const sectigoUrl = new URL(location.origin);
  sectigoUrl.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const hosts = [sectigoUrl.host];
  const sectigo = (path: string) => `${sectigoUrl.origin}/sectigo/products/${path}`;

  const intro = el('p', 'Your server calls !initCustomerSession with its reseller login and hands the browser the session handle. Try order 654824, 700001 (replaced), 4243 (call limit twice, then fine: Refresh when it is available again), 4242 (call limit), 14 (unknown error), 666 (hostile text), 1999 (expired upload token), 404 (invalid order).');
  const form = el('form');
  const orderLabel = el('label', 'Order number ');
  const order = Object.assign(el('input'), { name: 'orderNumber', value: '654824', required: true, autocomplete: 'off' });
  orderLabel.append(order);
  const viaLabel = el('label', 'Status ');
  const via = el('select');
  via.name = 'statusVia';
  via.append(
    Object.assign(el('option', 'through the merchant server (relay)'), { value: 'relay' }),
    // Sectigo promises no CORS (nor does the mock): from a page, this fails unless Sectigo allows your origin.
    Object.assign(el('option', 'directly from the page, with the session handle (needs CORS from Sectigo)'), { value: 'direct' }),
  );
  viaLabel.append(via);
  const start = Object.assign(el('button', 'Start session'), { type: 'submit' });
  form.append(orderLabel, ' ', viaLabel, ' ', start);

  const sessionLine = el('p');
  sessionLine.setAttribute('role', 'status');
  const controls = el('p');
  const openPage = Object.assign(el('button', 'Open Sectigo’s post-payment page'), { type: 'button', disabled: true });
  const refresh = Object.assign(el('button', 'Refresh status'), { type: 'button', disabled: true });
  controls.append(openPage, ' ', refresh);
  const statusBox = el('div');
  const actionLine = el('p');
  actionLine.setAttribute('role', 'status');
  const uploadHeading = Object.assign(el('h3', 'Upload documents'), { hidden: true, tabIndex: -1 });
  const uploadBox = el('div');
  root.append(intro, form, sessionLine, controls, statusBox, actionLine, uploadHeading, uploadBox);
  root.hidden = false;

  let session: (SaspSession & { orderNumber: string }) | undefined;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      start.disabled = true;
      // What is on screen belongs to the previous order from now on.
      clearStatus();
      sessionLine.textContent = 'Asking the merchant server for a session…';
      try {
        const response = await fetch('/merchant/sasp/session', { method: 'POST', body: new URLSearchParams({ orderNumber: order.value, format: '0' }) });
        const parsed = parseSessionResponse(await response.text(), { format: 0 });
        session = { sid: parsed.sid, orderNumber: parsed.orderNumber ?? order.value };
        sessionLine.textContent = `Session ${session.sid} for order ${session.orderNumber}.`;
        openPage.disabled = refresh.disabled = false;
        await showStatus();
      } catch (error) {
        session = undefined;
        openPage.disabled = refresh.disabled = true;
        sessionLine.textContent = describeError(error);
      } finally {
        start.disabled = false;
      }
    })();
  });

  openPage.addEventListener('click', () => {
    if (!session) return;
    try {
      openPostPayment(session, { target: 'popup', endpoint: sectigo('postPayment1a'), allowedHosts: hosts, pathPrefixes: ['/sectigo/products/'] });
    } catch (error) {
      actionLine.textContent = describeError(error);
    }
  });
  refresh.addEventListener('click', () => void showStatus());
  // The language switch re-renders the status last fetched (no new call: Sectigo limits them).
  let shown: PostPaymentStatus | undefined;
  onLanguageChange(() => {
    if (!shown) return;
    renderStatus(statusBox, shown, { onAction, headingLevel: 3, ...texts().status });
    showUpload(shown);
  });

  async function showStatus(): Promise<void> {
    if (!session) return;
    refresh.disabled = true;
    statusBox.setAttribute('aria-busy', 'true');
    actionLine.textContent = 'Loading the status from Sectigo…';
    let waitMs = 0;
    try {
      // The relay is the default: the merchant server adds the login (Sectigo's current docs require it).
      const status = await getPostPaymentStatus(
        via.value === 'relay'
          ? { relay: '/merchant/sasp/status', orderNumber: session.orderNumber }
          : { saspSessionID: session.sid, orderNumber: session.orderNumber, endpoint: sectigo('!getPostPaymentStatus'), allowedHosts: hosts },
      );
      shown = status;
      renderStatus(statusBox, status, { onAction, headingLevel: 3, ...texts().status });
      actionLine.textContent = '';
      showUpload(status);
    } catch (error) {
      // No answer, no status: an older answer (perhaps another order's) must not look current.
      clearStatus();
      waitMs = error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0;
      actionLine.textContent = waitMs ? `${describeError(error)} — Refresh is available again in ${Math.ceil(waitMs / 1000)} s.` : describeError(error);
    } finally {
      statusBox.removeAttribute('aria-busy');
      // Never hammer: after a call limit, Refresh waits as long as Sectigo asks.
      setTimeout(() => (refresh.disabled = false), waitMs);
    }
  }

  async function onAction(action: SaspAction): Promise<void> {
    if (action.action === 'uploadDocument' && !uploadHeading.hidden) {
      uploadHeading.focus();
      return;
    }
    // Actions the SDK cannot perform go through the merchant server (or, by default, the hosted page).
    // The relay (baton-sdk/server saspHandlers().action) checks the order is the customer's first.
    const response = await fetch('/merchant/sasp/action', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...action, orderNumber: session?.orderNumber ?? order.value }) });
    const answer = (await response.json()) as { errorCode?: number; errorMessage?: string; error?: { message: string } };
    actionLine.textContent =
      answer.errorCode === 0 ? `Sectigo accepted ${action.action}${action.domainName ? ` for ${action.domainName} (${action.method})` : ''}.`
      : answer.error ? `Not done: ${answer.error.message}` : `Sectigo answered ${answer.errorCode}: ${answer.errorMessage ?? ''}`;
  }

  function clearStatus(): void {
    statusBox.replaceChildren();
    uploadBox.replaceChildren();
    uploadHeading.hidden = true;
  }

  function showUpload(status: PostPaymentStatus): void {
    uploadBox.replaceChildren();
    uploadHeading.hidden = !status.uploadDocumentUrl || !status.uploadDocumentToken;
    if (uploadHeading.hidden) return;
    mountUploadForm(uploadBox, {
      url: status.uploadDocumentUrl!,
      token: status.uploadDocumentToken!,
      successURL: `${location.origin}/merchant/sasp/documents-sent`,
      errorURL: `${location.origin}/merchant/sasp/documents-failed`,
      allowedHosts: hosts,
      ...texts().upload,
    });
  }
}
