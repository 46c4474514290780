// The server half in a worker-like runtime: Vercel's @edge-runtime/vm (the Edge runtime's globals:
// fetch, Request, Response, crypto.subtle; no process, Buffer or require). The built entry is
// bundled into one script and evaluated there, so any Node-only API would fail here.
import { build } from 'esbuild';
import { EdgeVM } from '@edge-runtime/vm';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { merchantSecrets } from '../../../demo/mock/secrets.js';
import { vectors, vectorFile } from './vectors.js';

const mockUrl = inject('mockUrl');
let vm: EdgeVM;

beforeAll(async () => {
  const entry = fileURLToPath(new URL('../../../src/server/index.ts', import.meta.url));
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'BatonServer', platform: 'neutral', write: false, logLevel: 'silent', mainFields: ['module', 'main'] });
  vm = new EdgeVM();
  vm.evaluate(outputFiles[0]!.text);
}, 60_000);

describe('baton-sdk/server on the Edge runtime (@edge-runtime/vm)', () => {
  it('has no Node globals to lean on', () => {
    expect(vm.evaluate('typeof process + typeof Buffer + typeof require')).toBe('undefinedundefinedundefined');
  });

  it('signs the published v1HMAC and PaynetEasy vectors and verifies the webhook there', async () => {
    const v = vectors.connect_v1hmac.vectors[0];
    vm.context.input = { method: v.method, url: v.path, headers: [['Date', v.date], ['Content-Type', v.contentType], ...v.headers.map((h: any) => [h.key, h.value])] };
    expect(await vm.evaluate(`BatonServer.v1HmacSignature(BatonServer.v1HmacDataToSign(input), ${JSON.stringify(v.secretApiKey)})`)).toBe(v.expected);
    const p = vectors.paynet_control_sha1.vectors[0];
    expect(
      await vm.evaluate(`BatonServer.paynetControl('sale', { endpointid: '1111', client_orderid: '902B4FF5', amountCentis: BatonServer.minorUnitsFromDecimal('10.42'), email: 'john.smith@gmail.com' }, ${JSON.stringify(p.fields.merchant_control)})`),
    ).toBe(p.expected);
    const w = vectors.connect_webhook_signature.vectors[0];
    vm.context.body = vm.evaluate('new Uint8Array(' + JSON.stringify([...vectorFile(w.bodyFile)]) + ')');
    const event = await vm.evaluate(`BatonServer.verifyWebhook(body, new Headers({ 'X-GCS-Signature': ${JSON.stringify(w.expected)}, 'X-GCS-KeyId': ${JSON.stringify(w.keyId)} }), { ${JSON.stringify(w.keyId)}: ${JSON.stringify(w.secretKey)} })`);
    expect(event.type).toBe('payment.paid');
  });

  it('runs a Fetch handler end to end (Connect session against the mock, v1HMAC checked there)', async () => {
    const { merchantId, apiKeyId, secretApiKey } = merchantSecrets.worldline;
    vm.context.config = { merchantId, apiKeyId, secretApiKey, endpoint: `${mockUrl}/connect/server` };
    const answer = await vm.evaluate(`
      BatonServer.connectSessionHandler(BatonServer.connectServer(config))(new Request('https://shop.example/api/session', { method: 'POST' }))
        .then(async (response) => ({ status: response.status, body: await response.json() }))`);
    expect(answer.status).toBe(200);
    expect(answer.body.clientSessionId).toMatch(/^[0-9a-f]{32}$/);
  });
});
