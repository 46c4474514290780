// Sectigo in real Chromium against the mock, which, like Sectigo, sends no CORS headers. This
// page (vitest's origin) is another origin than the mock: the status comes through the merchant
// relay, and the upload form posts the real form into a hidden frame.
import { getAllByRole, getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  NetworkError,
  getPostPaymentStatus,
  mountUploadForm,
  parseSessionResponse,
  renderStatus,
  uploadDocuments,
  type PostPaymentStatus,
  type SaspAction,
} from 'baton-sdk/sasp';

const mockUrl = inject('mockUrl');
const allowedHosts = ['127.0.0.1', 'localhost'];
const relay = `${mockUrl}/merchant/sasp/status`;
// The merchant's own pages, on this page's origin, so the frame's landing can be read.
const successURL = `${location.origin}/__baton-test/documents-sent`;
const errorURL = `${location.origin}/__baton-test/documents-failed`;

const statusFor = (orderNumber: string): Promise<PostPaymentStatus> => getPostPaymentStatus({ relay, orderNumber, allowedHosts });

interface Upload { orderNumber: string; comment: string; files: Array<{ name: string; size: number; sha256: string }> }
async function uploads(): Promise<Upload[]> {
  return ((await (await fetch(`${mockUrl}/sectigo/__stats`)).json()) as { uploads: Upload[] }).uploads;
}

function choose(input: HTMLInputElement, files: File[]) {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const bigFile = (name: string, megabytes: number) => new File([new Uint8Array(megabytes * 1024 * 1024).fill(65)], name, { type: 'application/pdf' });
const sha256 = async (file: Blob) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');

afterEach(() => document.body.replaceChildren());

describe('sasp status in Chromium', () => {
  it('comes through the merchant relay: only the order number leaves the page', async () => {
    const status = await statusFor('654824');
    expect(status.orderNumber).toBe('654824');
    const log = (await (await fetch(`${mockUrl}/__mock/log`)).json()) as Array<{ path: string; fields: Record<string, string> }>;
    const fromPage = log.filter((entry) => entry.path === '/merchant/sasp/status').at(-1)!;
    expect(fromPage.fields).toEqual({ orderNumber: '654824' });
  });

  it('direct to a provider host without CORS fails as a NetworkError: Baton never assumes CORS', async () => {
    const body = await (await fetch(`${mockUrl}/merchant/sasp/session`, { method: 'POST', body: new URLSearchParams({ orderNumber: '654824', format: '1' }) })).text();
    const session = parseSessionResponse(body, { format: 1 });
    const error = await getPostPaymentStatus({ saspSessionID: session.sid, orderNumber: '654824', endpoint: `${mockUrl}/sectigo/products/!getPostPaymentStatus`, allowedHosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'offline' });
  });

  it('renders the status, drives a DCV choice, and stays text-only with hostile text', async () => {
    const status = await statusFor('654824');
    const actions: SaspAction[] = [];
    const container = document.body.appendChild(document.createElement('div'));
    renderStatus(container, status, { onAction: (action) => void actions.push(action) });
    expect(getAllByRole(container, 'heading', { level: 3 }).length).toBeGreaterThanOrEqual(7);
    const group = getAllByRole(container, 'radiogroup', { name: 'Validation method for mnsure.org' })[0]!;
    within(group).getByRole('radio', { name: 'HTTPS CSR Hash' }).click();
    within(group).getByRole('button', { name: 'Use this method for mnsure.org' }).click();
    await expect.poll(() => actions).toEqual([{ section: 'dcv', action: 'selectDCVMethod', domainName: 'mnsure.org', method: 'HTTPS_CSR_HASH', option: 'HTTPS CSR Hash' }]);

    const hostile = await statusFor('666');
    renderStatus(container, hostile, { onAction: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as { __batonPwned?: number }).__batonPwned).toBeUndefined();
    expect(getByRole(container, 'heading', { name: /<script>/ })).toBeTruthy();
  });
});

describe('sasp upload in Chromium, against an endpoint with no CORS headers', () => {
  it('the form posts for real into a hidden frame: the file arrives byte for byte and success is shown', async () => {
    const status = await statusFor('654824');
    const container = document.body.appendChild(document.createElement('div'));
    const successes: unknown[] = [];
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, successURL, errorURL, allowedHosts, onSuccess: (result) => void successes.push(result) });
    const deed = bigFile('deed.pdf', 3);
    choose(form.querySelector<HTMLInputElement>('input[type=file]')!, [deed, new File(['id'], 'id.pdf')]);
    form.querySelector<HTMLInputElement>('input[name=comment]')!.value = 'no CORS';
    getByRole(form, 'button', { name: 'Upload' }).click();

    // Honest progress while sending: the selected size, an indeterminate bar.
    expect(form.dataset.state).toBe('uploading');
    expect(getByRole(form, 'status').textContent).toBe('Sending 2 documents (3.0 MB)…');
    expect((getByRole(form, 'progressbar') as HTMLProgressElement).position).toBe(-1);

    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe('done');
    expect(getByRole(form, 'status').textContent).toBe('Documents uploaded.');
    expect((getByRole(form, 'progressbar') as HTMLProgressElement).value).toBe(1);
    expect(successes).toEqual([{ transport: 'frame', url: successURL }]);
    expect((await uploads()).at(-1)).toEqual({
      orderNumber: '654824',
      comment: 'no CORS',
      files: [{ name: 'deed.pdf', size: deed.size, sha256: await sha256(deed) }, { name: 'id.pdf', size: 2, sha256: await sha256(new File(['id'], 'id.pdf')) }],
    });
  });

  it('a refusal lands on errorURL: failed, files and comment kept; the retry succeeds', async () => {
    const status = await statusFor('654824');
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, successURL, errorURL, allowedHosts });
    const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, [bigFile('deed.pdf', 1), new File(['id'], 'id.pdf')]);
    form.querySelector<HTMLInputElement>('input[name=comment]')!.value = 'browser retry';
    await fetch(`${mockUrl}/sectigo/__fail-next-upload`, { method: 'POST' });
    const before = (await uploads()).length;
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe('failed');
    expect(getByRole(form, 'status').textContent).toMatch(/^Upload failed: the upload service refused it\. Your files and comment are kept/);
    expect([...input.files!].map((f) => f.name)).toEqual(['deed.pdf', 'id.pdf']);
    expect(form.querySelector<HTMLInputElement>('input[name=comment]')!.value).toBe('browser retry');
    expect((await uploads()).length).toBe(before);

    getByRole(form, 'button', { name: 'Retry upload' }).click();
    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe('done');
    expect((await uploads()).at(-1)).toMatchObject({ comment: 'browser retry', files: [{ name: 'deed.pdf' }, { name: 'id.pdf' }] });
  });

  it('without successURL the landing is the service’s own page: sent, unconfirmed, said so', async () => {
    const status = await statusFor('654824');
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, allowedHosts });
    choose(form.querySelector<HTMLInputElement>('input[type=file]')!, [new File(['x'], 'x.pdf')]);
    const before = (await uploads()).length;
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe('unconfirmed');
    expect(getByRole(form, 'status').textContent).toMatch(/sent but no answer could be read .* may have arrived\. Check the order status/);
    expect((await uploads()).length).toBe(before + 1);
  });

  it('no landing within timeoutMs: sent, unconfirmed, files kept (never a blind "failed")', async () => {
    const status = await statusFor('654824');
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, successURL, errorURL, allowedHosts, timeoutMs: 1 });
    const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, [new File(['slow'], 'slow.pdf')]);
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state).toBe('unconfirmed');
    expect(getByRole(form, 'status').textContent).toMatch(/no answer within 1 s.*may have arrived/);
    expect([...input.files!].map((f) => f.name)).toEqual(['slow.pdf']);
    expect(getByRole(form, 'button', { name: 'Upload again' })).toBeTruthy();
  });

  it('an expired token is reported and nothing is sent', async () => {
    const status = await statusFor('1999');
    const before = (await uploads()).length;
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, successURL, errorURL, allowedHosts });
    choose(form.querySelector<HTMLInputElement>('input[type=file]')!, [new File(['x'], 'x.pdf')]);
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state).toBe('failed');
    expect(getByRole(form, 'status').textContent).toMatch(/expired/);
    expect(form.querySelector('iframe')).toBeNull();
    expect((await uploads()).length).toBe(before);
  });

  it('the scripted upload against it cannot read the answer (no CORS), though the file arrived: why the frame is the default', async () => {
    const status = await statusFor('654824');
    const before = (await uploads()).length;
    const error = await uploadDocuments({ url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, files: [new File(['y'], 'y.pdf')], allowedHosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'offline' });
    expect((await uploads()).length).toBe(before + 1);
  });
});
