// @vitest-environment happy-dom
// The XHR transports (opt-in `byteProgress`), with a fake XMLHttpRequest recording what is sent.
// The default fetch transport is tested against real servers in upload-fetch.test.ts, the frame
// transport in real Chromium (test/browser/sasp/upload-no-cors.test.ts).
import { getByLabelText, getByRole } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  NetworkError,
  ProviderError,
  SecretError,
  UnsafeUrlError,
  ValidationError,
  mountUploadForm,
  uploadDocuments,
} from '../../../src/sasp/index.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (exp: number) => `${b64({ alg: 'HS256' })}.${b64({ sub: '/order/1', exp })}.c2ln`;
const fresh = jwt(Math.floor(Date.now() / 1000) + 600);
const expired = jwt(Math.floor(Date.now() / 1000) - 600);
const url = 'https://avspartners.sectigolabs.com/avs/ws/api/v002/order';

type Behaviour = 'ok' | 'fail' | 'offline' | 'http' | 'hang' | 'redirected' | 'sent-timeout' | 'cut-timeout' | 'landed';

/** A fake XMLHttpRequest: records what is sent and answers as told. */
class FakeXhr extends EventTarget {
  static behaviours: Behaviour[] = [];
  static sent: Array<{ method: string; url: string; headers: Record<string, string>; body: FormData }> = [];
  static release: Array<() => void> = [];
  /** Where a `'landed'` answer ends (the service redirected the upload there). */
  static landing = '';
  readonly upload = new EventTarget();
  status = 0;
  responseText = '';
  responseURL = '';
  timeout = 0;
  #request = { method: '', url: '', headers: {} as Record<string, string> };
  open(method: string, target: string) {
    this.#request.method = method;
    this.#request.url = target;
  }
  setRequestHeader(name: string, value: string) {
    this.#request.headers[name.toLowerCase()] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }
  abort() {
    this.dispatchEvent(new Event('abort'));
  }
  send(body: FormData) {
    FakeXhr.sent.push({ ...this.#request, body });
    const behaviour = FakeXhr.behaviours.shift() ?? 'ok';
    const finish = () => {
      if (behaviour === 'cut-timeout' || behaviour === 'sent-timeout') {
        // The whole body (or half of it) went out, then no answer until xhr.timeout fired.
        const loaded = behaviour === 'sent-timeout' ? 100 : 50;
        this.upload.dispatchEvent(Object.assign(new Event('progress'), { lengthComputable: true, loaded, total: 100 }));
        return this.dispatchEvent(new Event('timeout'));
      }
      this.upload.dispatchEvent(Object.assign(new Event('progress'), { lengthComputable: true, loaded: 50, total: 100 }));
      this.upload.dispatchEvent(Object.assign(new Event('progress'), { lengthComputable: true, loaded: 100, total: 100 }));
      if (behaviour === 'offline') return this.dispatchEvent(new Event('error'));
      this.status = behaviour === 'ok' || behaviour === 'hang' || behaviour === 'landed' ? 200 : behaviour === 'fail' ? 500 : 502;
      this.responseText =
        behaviour === 'ok' || behaviour === 'hang' || behaviour === 'landed' ? '{"errorCode":0,"files":[]}' : behaviour === 'fail' ? '{"errorCode":"SERVER_ERROR","errorMessage":"The upload service is down"}' : 'Bad gateway';
      this.responseURL = behaviour === 'redirected' ? 'https://elsewhere.example/landing' : behaviour === 'landed' ? FakeXhr.landing : this.#request.url;
      this.dispatchEvent(new Event('load'));
    };
    if (behaviour === 'hang') FakeXhr.release.push(finish);
    else setTimeout(finish, 5);
  }
}

const file = (name: string, text = 'pdf bytes') => new File([text], name, { type: 'application/pdf' });

beforeEach(() => {
  FakeXhr.behaviours = [];
  FakeXhr.sent = [];
  FakeXhr.release = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('uploadDocuments', () => {
  // Issue 23 §5 for the XHR transport: pages that differ only by query are told apart exactly.
  it('tells a landing on successURL from one on errorURL when they differ only by query', async () => {
    const pages = { successURL: 'https://shop.example/back?r=ok', errorURL: 'https://shop.example/back?r=err', allowedHosts: ['avspartners.sectigolabs.com', 'shop.example'] };
    const send = () => uploadDocuments({ url, token: fresh, files: [file('a.pdf')], byteProgress: true, ...pages });
    FakeXhr.behaviours = ['landed', 'landed'];
    FakeXhr.landing = 'https://shop.example/back?r=ok';
    await expect(send()).resolves.toMatchObject({ status: 200, url: 'https://shop.example/back?r=ok' });
    FakeXhr.landing = 'https://shop.example/back?r=err&reason=virus';
    await expect(send()).rejects.toMatchObject({ name: 'ProviderError', code: 'upload-failed' });
  });

  it('posts the documented multipart fields with progress', async () => {
    const progress: Array<number | undefined> = [];
    const result = await uploadDocuments({
      url,
      token: fresh,
      files: [file('a.pdf'), file('b.pdf')],
      comment: 'Articles',
      successURL: 'https://shop.example/ok',
      errorURL: 'https://shop.example/failed',
      onProgress: ({ fraction }) => progress.push(fraction),
      byteProgress: true,
    });
    expect(result.status).toBe(200);
    expect(progress).toEqual([0.5, 1]);
    const [sent] = FakeXhr.sent;
    expect(sent).toMatchObject({ method: 'POST', url, headers: { accept: 'application/json' } });
    expect([...sent!.body.keys()]).toEqual(['token', 'successURL', 'errorURL', 'file', 'file', 'comment']);
    expect(sent!.body.get('token')).toBe(fresh);
    expect((sent!.body.getAll('file') as File[]).map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(sent!.body.get('comment')).toBe('Articles');
  });

  it('refuses an expired token before sending', async () => {
    const error = await uploadDocuments({ url, token: expired, files: [file('a.pdf')], byteProgress: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/uploadDocumentToken.*expired/);
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('maps failures to typed errors', async () => {
    FakeXhr.behaviours = ['fail', 'offline', 'http'];
    await expect(uploadDocuments({ url, token: fresh, files: [file('a.pdf')], byteProgress: true })).rejects.toMatchObject({ constructor: ProviderError, code: 'SERVER_ERROR', providerMessage: 'The upload service is down' });
    await expect(uploadDocuments({ url, token: fresh, files: [file('a.pdf')], byteProgress: true })).rejects.toMatchObject({ constructor: NetworkError, kind: 'offline' });
    await expect(uploadDocuments({ url, token: fresh, files: [file('a.pdf')], byteProgress: true })).rejects.toMatchObject({ constructor: NetworkError, kind: 'http', status: 502 });
  });

  it('never uses an answer that came from a host the policy refuses (the XHR followed a redirect)', async () => {
    FakeXhr.behaviours = ['redirected'];
    const error = await uploadDocuments({ url, token: fresh, files: [file('a.pdf')], byteProgress: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).url).toBe('https://elsewhere.example/landing');
  });

  it('is aborted by its signal', async () => {
    FakeXhr.behaviours = ['hang'];
    const controller = new AbortController();
    const pending = uploadDocuments({ url, token: fresh, files: [file('a.pdf')], signal: controller.signal, byteProgress: true });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ constructor: NetworkError, kind: 'aborted' });
  });

  it('refuses bad input with clear errors and sends nothing', async () => {
    await expect(uploadDocuments(undefined as never)).rejects.toThrow(ValidationError);
    await expect(uploadDocuments({ url, token: fresh, files: [] })).rejects.toThrow(/at least one file/);
    await expect(uploadDocuments({ url, token: fresh, files: ['a.pdf'] as never })).rejects.toThrow(ValidationError);
    await expect(uploadDocuments({ url, token: 'not a jwt', files: [file('a.pdf')] })).rejects.toThrow(/JWT/);
    await expect(uploadDocuments({ url: 'https://evil.example/upload', token: fresh, files: [file('a.pdf')] })).rejects.toThrow(UnsafeUrlError);
    await expect(uploadDocuments({ url: 'http://avspartners.sectigolabs.com/x', token: fresh, files: [file('a.pdf')] })).rejects.toThrow(UnsafeUrlError);
    await expect(uploadDocuments({ url, token: fresh, files: [file('a.pdf')], loginPassword: 'x' } as never)).rejects.toThrow(SecretError);
    expect(FakeXhr.sent).toHaveLength(0);
  });
});

describe('mountUploadForm', () => {
  function mount(token = fresh) {
    const container = document.createElement('div');
    document.body.append(container);
    const form = mountUploadForm(container, { url, token, successURL: 'https://shop.example/ok', errorURL: 'https://shop.example/failed', transport: 'script', byteProgress: true });
    return { container, form };
  }

  it('is the documented form, which posts without JavaScript', () => {
    const { form } = mount();
    expect(form.method).toBe('post');
    expect(form.enctype).toBe('multipart/form-data');
    expect(form.action).toBe(url);
    const fields = [...form.elements].map((el) => [(el as HTMLInputElement).name, (el as HTMLInputElement).type]).filter(([name]) => name);
    expect(fields).toEqual([
      ['token', 'hidden'],
      ['successURL', 'hidden'],
      ['errorURL', 'hidden'],
      ['file', 'file'],
      ['comment', 'text'],
    ]);
    expect((form.elements.namedItem('file') as HTMLInputElement).multiple).toBe(true);
    expect(getByRole(form, 'button', { name: 'Upload' }).getAttribute('type')).toBe('submit');
  });

  it('keeps files and comment after a failure and sends them again on retry', async () => {
    FakeXhr.behaviours = ['fail', 'ok'];
    const { form } = mount();
    const user = userEvent.setup();
    const input = getByLabelText(form, /Documents/) as HTMLInputElement;
    await user.upload(input, [file('deed.pdf'), file('id.pdf')]);
    await user.type(getByLabelText(form, /Comment/), 'Company deed');
    await user.click(getByRole(form, 'button', { name: 'Upload' }));

    await vi.waitFor(() => expect(form.dataset.state).toBe('failed'));
    expect(getByRole(form, 'status').textContent).toMatch(/Upload failed: .*The upload service is down.*kept/);
    expect([...input.files!].map((f) => f.name)).toEqual(['deed.pdf', 'id.pdf']);
    expect((getByLabelText(form, /Comment/) as HTMLInputElement).value).toBe('Company deed');
    expect(getByRole(form, 'listitem').textContent).toMatch(/Upload 1 \(deed.pdf, id.pdf, 18 bytes\): failed/);

    await user.click(getByRole(form, 'button', { name: 'Retry upload' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('done'));
    expect(FakeXhr.sent).toHaveLength(2);
    expect((FakeXhr.sent[1]!.body.getAll('file') as File[]).map((f) => f.name)).toEqual(['deed.pdf', 'id.pdf']);
    expect(FakeXhr.sent[1]!.body.get('comment')).toBe('Company deed');
    expect(getByRole(form, 'status').textContent).toBe('Documents uploaded.');
    expect((getByRole(form, 'progressbar') as HTMLProgressElement).value).toBe(1);
  });

  it('after a fully sent body with an unreadable answer, says the documents may have arrived', async () => {
    FakeXhr.behaviours = ['offline'];
    const { form } = mount();
    const user = userEvent.setup();
    await user.upload(getByLabelText(form, /Documents/) as HTMLInputElement, file('a.pdf'));
    await user.click(getByRole(form, 'button', { name: 'Upload' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('unconfirmed'));
    expect(getByRole(form, 'status').textContent).toMatch(/may have arrived. Check the order status/);
    expect(getByRole(form, 'button', { name: 'Upload again' })).toBeTruthy();
  });

  it('a timeout after the whole upload went out is "sent, unconfirmed", as with the frame; one cut short failed (issue 23)', async () => {
    FakeXhr.behaviours = ['sent-timeout', 'cut-timeout'];
    const { form } = mount();
    const user = userEvent.setup();
    await user.upload(getByLabelText(form, /Documents/) as HTMLInputElement, file('a.pdf'));
    await user.click(getByRole(form, 'button', { name: 'Upload' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('unconfirmed'));
    expect(getByRole(form, 'status').textContent).toMatch(/sent but no answer could be read \(no answer within 120 s\); they may have arrived/);
    await user.click(getByRole(form, 'button', { name: 'Upload again' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('failed'));
    expect(getByRole(form, 'status').textContent).toMatch(/Upload failed: .*timed out/);
  });

  it('sends once for a double submit', async () => {
    FakeXhr.behaviours = ['hang'];
    const { form } = mount();
    const user = userEvent.setup();
    await user.upload(getByLabelText(form, /Documents/) as HTMLInputElement, file('a.pdf'));
    const button = getByRole(form, 'button', { name: 'Upload' });
    await user.click(button);
    await user.dblClick(button);
    form.requestSubmit();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(FakeXhr.sent).toHaveLength(1);
    expect(form.getAttribute('aria-busy')).toBe('true');
    FakeXhr.release.shift()!();
    await vi.waitFor(() => expect(getByRole(form, 'status').textContent).toBe('Documents uploaded.'));
    expect(FakeXhr.sent).toHaveLength(1);
  });

  it('reports an expired token without sending and keeps the files', async () => {
    const { form } = mount(expired);
    const user = userEvent.setup();
    const input = getByLabelText(form, /Documents/) as HTMLInputElement;
    await user.upload(input, file('a.pdf'));
    await user.click(getByRole(form, 'button', { name: 'Upload' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('failed'));
    expect(getByRole(form, 'status').textContent).toMatch(/expired/);
    expect(FakeXhr.sent).toHaveLength(0);
    expect(input.files).toHaveLength(1);
  });

  it('mounting twice replaces the earlier form, like renderStatus', () => {
    const container = document.createElement('div');
    const first = mountUploadForm(container, { url, token: fresh });
    const second = mountUploadForm(container, { url, token: fresh });
    expect(container.querySelectorAll('form')).toHaveLength(1);
    expect(container.firstElementChild).toBe(second);
    expect(first.isConnected).toBe(false);
  });

  it('refuses bad options when mounting', () => {
    const container = document.createElement('div');
    expect(() => mountUploadForm(container, { url: 'javascript:alert(1)', token: fresh })).toThrow(UnsafeUrlError);
    expect(() => mountUploadForm(container, { url, token: '' })).toThrow(ValidationError);
    expect(() => mountUploadForm(null as never, { url, token: fresh })).toThrow(ValidationError);
    expect(() => mountUploadForm(container, { url, token: fresh, loginName: 'x' } as never)).toThrow(SecretError);
    expect(() => mountUploadForm(container, { url, token: fresh, transport: 'xhr' } as never)).toThrow(ValidationError);
  });

  it('checks what is sent at submit time: a changed action or a secret field is refused, nothing sent', async () => {
    const { form } = mount();
    const user = userEvent.setup();
    await user.upload(getByLabelText(form, /Documents/) as HTMLInputElement, file('a.pdf'));
    form.action = 'https://evil.example/upload';
    await user.click(getByRole(form, 'button', { name: 'Upload' }));
    await vi.waitFor(() => expect(form.dataset.state).toBe('failed'));
    expect(getByRole(form, 'status').textContent).toMatch(/evil.example.*not on the allow-list/);
    form.action = url;
    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'loginPassword', value: 'x' }));
    await user.click(getByRole(form, 'button', { name: 'Retry upload' }));
    await vi.waitFor(() => expect(getByRole(form, 'status').textContent).toMatch(/loginPassword.*merchant secret/));
    expect(FakeXhr.sent).toHaveLength(0);
  });
});
