import { getAllByRole, getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  getPostPaymentStatus,
  mountUploadForm,
  parseSessionResponse,
  renderStatus,
  uploadDocuments,
  type PostPaymentStatus,
  type SaspAction,
} from 'baton-sdk/sasp';

const mockUrl = inject('mockUrl');
const allowedHosts = ['127.0.0.1'];

async function statusFor(orderNumber: string): Promise<PostPaymentStatus> {
  const body = await (await fetch(`${mockUrl}/merchant/sasp/session`, { method: 'POST', body: new URLSearchParams({ orderNumber, format: '1' }) })).text();
  const session = parseSessionResponse(body, { format: 1 });
  return getPostPaymentStatus({
    saspSessionID: session.sid,
    orderNumber: session.orderNumber ?? orderNumber,
    endpoint: `${mockUrl}/sectigo/products/!getPostPaymentStatus`,
    allowedHosts,
  });
}

async function uploads(): Promise<Array<{ files: Array<{ name: string; size: number }>; comment: string }>> {
  return ((await (await fetch(`${mockUrl}/sectigo/__stats`)).json()) as { uploads: never[] }).uploads;
}

function choose(input: HTMLInputElement, files: File[]) {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const bigFile = (name: string, megabytes: number) => new File([new Uint8Array(megabytes * 1024 * 1024).fill(65)], name, { type: 'application/pdf' });

afterEach(() => document.body.replaceChildren());

describe('sasp in Chromium against the mock', () => {
  it('renders the status, drives a DCV choice, and stays text-only with hostile text', async () => {
    const status = await statusFor('654824');
    const actions: SaspAction[] = [];
    const container = document.body.appendChild(document.createElement('div'));
    renderStatus(container, status, { onAction: (action) => void actions.push(action) });
    expect(getAllByRole(container, 'heading', { level: 3 })).toHaveLength(7);
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

  it('uploads with progress', async () => {
    const status = await statusFor('654824');
    const fractions: number[] = [];
    const result = await uploadDocuments({
      url: status.uploadDocumentUrl!,
      token: status.uploadDocumentToken!,
      files: [bigFile('progress.pdf', 8)],
      comment: 'progress test',
      allowedHosts,
      onProgress: ({ fraction }) => fraction !== undefined && fractions.push(fraction),
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ errorCode: 0, files: [{ name: 'progress.pdf', size: 8 * 1024 * 1024 }], comment: 'progress test' });
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
  });

  it('upload form: fails, keeps files and comment, succeeds on retry', async () => {
    const status = await statusFor('654824');
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, allowedHosts });
    const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, [bigFile('deed.pdf', 2), new File(['id'], 'id.pdf')]);
    form.querySelector<HTMLInputElement>('input[name=comment]')!.value = 'browser retry';
    await fetch(`${mockUrl}/sectigo/__fail-next-upload`, { method: 'POST' });
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state, { timeout: 5000 }).toBe('failed');
    expect(getByRole(form, 'status').textContent).toMatch(/temporarily unavailable/);
    expect([...input.files!].map((f) => f.name)).toEqual(['deed.pdf', 'id.pdf']);
    expect(form.querySelector<HTMLInputElement>('input[name=comment]')!.value).toBe('browser retry');

    getByRole(form, 'button', { name: 'Retry upload' }).click();
    await expect.poll(() => form.dataset.state, { timeout: 5000 }).toBe('done');
    expect((getByRole(form, 'progressbar') as HTMLProgressElement).value).toBe(1);
    const last = (await uploads()).at(-1)!;
    expect(last).toMatchObject({ comment: 'browser retry', files: [{ name: 'deed.pdf' }, { name: 'id.pdf' }] });
  });

  it('upload form: an expired token is reported and nothing is sent', async () => {
    const status = await statusFor('1999');
    const before = (await uploads()).length;
    const container = document.body.appendChild(document.createElement('div'));
    const form = mountUploadForm(container, { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!, allowedHosts });
    choose(form.querySelector<HTMLInputElement>('input[type=file]')!, [new File(['x'], 'x.pdf')]);
    getByRole(form, 'button', { name: 'Upload' }).click();
    await expect.poll(() => form.dataset.state).toBe('failed');
    expect(getByRole(form, 'status').textContent).toMatch(/expired/);
    expect((await uploads()).length).toBe(before);
  });
});
