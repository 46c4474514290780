// The Sectigo relays against the mock (which checks the reseller login itself): answers the
// browser's parsers read, the required authorize hook, and -42 honoured through the store.
import { describe, expect, inject, it, vi } from 'vitest';
import { parseSessionResponse, parseStatusResponse, CALL_LIMIT_WAIT_MS } from 'baton-sdk/sasp';
import { ConfigError, ForbiddenError, memoryStore, saspHandlers, SASP_CALL_LIMIT_WAIT_MS, ProviderError, type FetchLike } from 'baton-sdk/server';
import { merchantSecrets } from '../../../demo/mock/secrets.js';

const mockUrl = inject('mockUrl');
const { loginName, loginPassword } = merchantSecrets.sectigo;
const owns = (orders: string[]) => (_request: Request, orderNumber: string) => {
  if (!orders.includes(orderNumber)) throw new ForbiddenError();
};
const config = (over: Record<string, unknown> = {}) => ({ loginName, loginPassword, endpoint: `${mockUrl}/sectigo/products/`, authorize: owns(['654824', '4242', '42']), ...over });
const form = (fields: Record<string, string>) => new Request('https://shop.example/api/sasp', { method: 'POST', body: new URLSearchParams(fields) });
const stats = async () => (await fetch(`${mockUrl}/sectigo/__stats`)).json();

describe('saspHandlers', () => {
  it('refuses to start without authorize, or without the login', () => {
    expect(() => saspHandlers({ loginName, loginPassword } as never)).toThrow(ConfigError);
    expect(() => saspHandlers({ loginName, loginPassword } as never)).toThrow(/authorize/);
    expect(() => saspHandlers(config({ loginPassword: '' }))).toThrow(/loginPassword/);
    expect(() => saspHandlers(config({ endpoint: 'https://evil.example/products/' }))).toThrow(ConfigError);
  });

  it('session: the text answer parseSessionResponse reads, never the login', async () => {
    const { session } = saspHandlers(config());
    const answer = await session(form({ orderNumber: '654824' }));
    const body = await answer.text();
    expect(parseSessionResponse(body)).toMatchObject({ sid: expect.any(String), orderNumber: '654824' });
    expect(body).not.toContain(loginPassword);
    expect(body).not.toContain(loginName);
  });

  it('status: JSON parseStatusResponse reads; another customer’s order is refused before Sectigo is asked', async () => {
    const { status } = saspHandlers(config());
    const parsed = parseStatusResponse(await (await status(form({ orderNumber: '654824' }))).text());
    expect(parsed.orderNumber).toBe('654824');
    const before = (await stats()).statusCalls;
    const refused = await status(form({ orderNumber: '999999' }));
    expect(refused.status).toBe(403);
    expect((await stats()).statusCalls).toBe(before);
    expect((await status(form({ orderNumber: 'x'.repeat(129) }))).status).toBe(400);
  });

  it('-42: the wait is kept in the store and shared by every instance using it; Sectigo is not asked again meanwhile', async () => {
    expect(SASP_CALL_LIMIT_WAIT_MS).toBe(CALL_LIMIT_WAIT_MS);
    const store = memoryStore();
    const sent = vi.fn<FetchLike>((request) => fetch(request));
    const one = saspHandlers(config({ store, fetch: sent }));
    const two = saspHandlers(config({ store, fetch: sent }));
    const parsedError = async (answer: Response) => {
      const body = await answer.text();
      return (() => {
        try {
          parseStatusResponse(body);
        } catch (error) {
          return error as ProviderError;
        }
      })();
    };
    expect(await parsedError(await one.status(form({ orderNumber: '4242' })))).toMatchObject({ name: 'ProviderError', code: -42 });
    const second = await two.status(form({ orderNumber: '4242' }));
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await parsedError(second)).toMatchObject({ code: -42, retryAfterMs: CALL_LIMIT_WAIT_MS });
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('actions: DCV method change and DCV e-mail resend reach Sectigo’s APIs; others are 501', async () => {
    const { action } = saspHandlers(config());
    const change = await action(form({ orderNumber: '654824', action: 'selectDCVMethod', domainName: 'example.com', method: 'CNAME_CSR_HASH' }));
    expect(await change.json()).toEqual({ errorCode: 0 });
    const resend = await action(form({ orderNumber: '654824', action: 'resendDCVEmail', option: 'admin@example.com' }));
    expect(await resend.json()).toEqual({ errorCode: 0 });
    const calls = await (await fetch(`${mockUrl}/sectigo/__actions`)).json();
    expect(calls.slice(-2)).toEqual([
      { api: '!AutoUpdateDCV', fields: { loginname: loginName, ordernumber: '654824', domainname: 'example.com', newmethod: 'CNAME_CSR_HASH' } },
      { api: '!ResendDCVEmail', fields: { loginname: loginName, ordernumber: '654824', dcvemailaddress: 'admin@example.com' } },
    ]);
    expect((await action(form({ orderNumber: '654824', action: 'selectDCVMethod', method: 'EMAIL' }))).status).toBe(400);
    expect((await action(form({ orderNumber: '654824', action: 'callMeNow' }))).status).toBe(501);
    expect((await action(form({ orderNumber: '111', action: 'resendDCVEmail' }))).status).toBe(403);
  });

  it('a wrong login: Sectigo’s -16 reaches the browser as Sectigo sent it', async () => {
    const { session } = saspHandlers(config({ loginPassword: 'wrong' }));
    const body = await (await session(form({ orderNumber: '654824' }))).text();
    expect(() => parseSessionResponse(body)).toThrow(/Permission denied/);
  });
});
