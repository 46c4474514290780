// docs/server.md's quick starts run as shown: the server halves (docs/examples/*-server.ts, embedded
// verbatim in the page) answer the browser's calls against the mocks. The browser halves are
// type-checked by `npm run typecheck` (docs/examples is in tsconfig's include).
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseSessionResponse } from 'baton-sdk/sasp';
import { parseFormResponse } from 'baton-sdk/sbc';
import { connectApp } from '../../../docs/examples/connect-server.js';
import { saspApp } from '../../../docs/examples/sasp-server.js';
import { sbcApp } from '../../../docs/examples/sbc-server.js';
import { merchantSecrets } from '../../../demo/mock/secrets.js';

const mockUrl = inject('mockUrl');
const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('docs/server.md quick starts', () => {
  it('embeds every example verbatim, each under 40 lines', () => {
    const page = read('docs/server.md');
    for (const name of ['connect', 'sbc', 'sasp']) {
      for (const side of ['server', 'browser']) {
        const code = read(`docs/examples/${name}-${side}.ts`).trimEnd();
        expect(page, `${name}-${side}`).toContain(code);
        expect(code.split('\n').length).toBeLessThan(40);
      }
    }
  });

  it('Connect: the session route answers createClientSession’s input', async () => {
    const { merchantId, apiKeyId, secretApiKey } = merchantSecrets.worldline;
    const handle = connectApp(
      { CONNECT_MERCHANT_ID: merchantId, CONNECT_API_KEY_ID: apiKeyId, CONNECT_SECRET_API_KEY: secretApiKey, CONNECT_ENDPOINT: `${mockUrl}/connect/server` },
      async () => ({ amount: 1000, currencyCode: 'EUR', reference: 'doc-1' }),
    );
    const answer = await handle(new Request('https://shop.example/api/connect/session', { method: 'POST' }));
    expect(await answer.json()).toMatchObject({ clientSessionId: expect.any(String), clientApiUrl: `${mockUrl}/connect/client` });
    expect((await handle(new Request('https://shop.example/nope'))).status).toBe(404);
  });

  it('SBC: the preauth route relays what startHostedForm parses', async () => {
    const { endpointId, login, merchantControl } = merchantSecrets.sbc;
    const handle = sbcApp(
      { SBC_GATEWAY: `${mockUrl}/sbc/paynet/`, SBC_ENDPOINT_ID: endpointId, SBC_LOGIN: login, SBC_MERCHANT_CONTROL: merchantControl, PUBLIC_URL: 'https://shop.example' },
      async () => ({ id: `DOC-${Date.now()}`, amountCentis: 1042, currency: 'EUR', email: 'ada@example.com', ip: '192.0.2.1' }),
    );
    const answer = await handle(new Request('https://shop.example/api/sbc/preauth', { method: 'POST', body: new URLSearchParams({ amountCentis: '1042', currency: 'EUR' }) }));
    expect(parseFormResponse(await answer.text()).redirectUrl).toContain('/sbc/paynet/form/init/');
  });

  it('Sectigo: the session route answers what parseSessionResponse reads, for the owner only', async () => {
    const { loginName, loginPassword } = merchantSecrets.sectigo;
    const handle = saspApp({ SECTIGO_LOGIN_NAME: loginName, SECTIGO_LOGIN_PASSWORD: loginPassword }, async (_request, order) => order === '654824');
    // The example uses Sectigo's real host; here the mock stands in through a proxying fetch.
    const original = globalThis.fetch;
    globalThis.fetch = ((input: Request) => original(new Request(input.url.replace('https://secure.trust-provider.com', `${mockUrl}/sectigo`), input))) as typeof fetch;
    try {
      const ok = await handle(new Request('https://shop.example/api/sectigo/session', { method: 'POST', body: new URLSearchParams({ orderNumber: '654824' }) }));
      expect(parseSessionResponse(await ok.text()).sid).toBeTruthy();
      const other = await handle(new Request('https://shop.example/api/sectigo/session', { method: 'POST', body: new URLSearchParams({ orderNumber: '111' }) }));
      expect(other.status).toBe(403);
    } finally {
      globalThis.fetch = original;
    }
  });
});
