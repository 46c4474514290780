// The scripted upload's default transport (fetch) against real loopback servers, and issue 14
// hole 3: a redirect is never followed, so a second server is never contacted — not by the upload
// (token + files) and not by the status call (session handle).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UnsafeUrlError, getPostPaymentStatus, uploadDocuments } from '../../../src/sasp/index.js';
import { startLoopbackServer, type LoopbackServer } from '../../helpers/loopback-server.js';

const mockUrl = inject('mockUrl');
const allowedHosts = ['127.0.0.1', 'localhost'];

let elsewhere: LoopbackServer;
let redirector: LoopbackServer;
beforeAll(async () => {
  elsewhere = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"errorCode":0,"errorMessage":"","data":{"orderNumber":"1"}}');
  });
  redirector = await startLoopbackServer((req, res) => {
    res.writeHead(307, { location: `http://localhost:${elsewhere.port}${req.url}` });
    res.end();
  });
});
afterAll(async () => {
  await elsewhere.close();
  await redirector.close();
});

async function uploadToken(orderNumber = '654824'): Promise<{ url: string; token: string }> {
  const status = await getPostPaymentStatus({ relay: `${mockUrl}/merchant/sasp/status`, orderNumber, allowedHosts });
  return { url: status.uploadDocumentUrl!, token: status.uploadDocumentToken! };
}
const uploads = async () => ((await (await fetch(`${mockUrl}/sectigo/__stats`)).json()) as { uploads: Array<{ comment: string; files: Array<{ name: string; size: number; sha256: string }> }> }).uploads;
const pdf = (name: string, text: string) => new File([text], name, { type: 'application/pdf' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('uploadDocuments (fetch)', () => {
  it('posts the documented fields; the files arrive byte for byte; progress is honest (unknown, then done)', async () => {
    const { url, token } = await uploadToken();
    const progress: Array<[number, number | undefined, number | undefined]> = [];
    const result = await uploadDocuments({
      url, token, allowedHosts, comment: 'fetch upload',
      files: [pdf('deed.pdf', 'deed bytes'), pdf('id.pdf', 'id')],
      onProgress: ({ loaded, total, fraction }) => progress.push([loaded, total, fraction]),
    });
    expect(result).toMatchObject({ status: 200, url });
    expect(String(result.body)).toMatch(/2 document\(s\) received/);
    expect(progress).toEqual([[0, 12, undefined], [12, 12, 1]]);
    expect((await uploads()).at(-1)).toEqual({
      orderNumber: '654824',
      comment: 'fetch upload',
      files: [{ name: 'deed.pdf', size: 10, sha256: sha256('deed bytes') }, { name: 'id.pdf', size: 2, sha256: sha256('id') }],
    });
  });

  it('does not follow the endpoint’s redirect to successURL: UnsafeUrlError, though the documents arrived', async () => {
    const { url, token } = await uploadToken();
    const before = (await uploads()).length;
    const error = await uploadDocuments({ url, token, allowedHosts, files: [pdf('a.pdf', 'a')], successURL: `${elsewhere.url}/ok`, errorURL: `${elsewhere.url}/failed` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).reason).toMatch(/redirect/);
    expect((await uploads()).length).toBe(before + 1);
    expect(elsewhere.received.filter((hit) => hit.url === '/ok')).toEqual([]);
  });
});

describe('a 307 to a second loopback server: the second server receives nothing', () => {
  it('upload (token and files)', async () => {
    const { token } = await uploadToken();
    const before = elsewhere.received.length;
    const error = await uploadDocuments({ url: `${redirector.url}/upload`, token, allowedHosts, files: [pdf('secret.pdf', 'x'.repeat(5000))] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(redirector.received.at(-1)).toMatchObject({ method: 'POST', url: '/upload' });
    expect(redirector.received.at(-1)!.bytes).toBeGreaterThan(5000);
    expect(elsewhere.received.length).toBe(before);
  });

  it('direct status (session handle) and relay status', async () => {
    const before = elsewhere.received.length;
    await expect(getPostPaymentStatus({ saspSessionID: 'abc123', orderNumber: '1', endpoint: `${redirector.url}/products/!getPostPaymentStatus`, allowedHosts })).rejects.toThrow(UnsafeUrlError);
    await expect(getPostPaymentStatus({ relay: `${redirector.url}/relay`, orderNumber: '1', allowedHosts })).rejects.toThrow(UnsafeUrlError);
    expect(redirector.received.slice(-2).map((hit) => hit.url)).toEqual(['/products/!getPostPaymentStatus', '/relay']);
    expect(elsewhere.received.length).toBe(before);
  });
});
