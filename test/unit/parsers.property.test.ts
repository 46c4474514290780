// Every parser and response schema, fed arbitrary strings and JSON-like values: the only thing
// ever thrown is a BatonError, and nothing pollutes Object.prototype.
// From the first hardening pass (was test/unit/hardening/parsers.property.test.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import { createClientSession } from '../../src/connect/index.js';
import { parseSessionResponse, parseStatusResponse, getPostPaymentStatus } from '../../src/sasp/index.js';
import { initiateSale, parseFormResponse } from '../../src/sbc/index.js';
import { RUNS } from '../helpers/property-runs.js';

const statusExample = JSON.parse(readFileSync('test/fixtures/sasp-status.json', 'utf8')) as Record<string, unknown>;

// Keys that attack prototype chains, mixed into generated objects.
const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'errorCode', 'data', 'type', 'SID'));
const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 5 })),
})).value;

/** The spec's example with one field, somewhere, replaced by an arbitrary value. */
const mutatedStatus = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), jsonLike).map(([path, replacement]) => {
  const copy = structuredClone(statusExample);
  let node: unknown = copy;
  for (const [depth, step] of path.entries()) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[step % keys.length]!;
    if (depth === path.length - 1) (node as Record<string, unknown>)[k] = replacement;
    else node = (node as Record<string, unknown>)[k];
  }
  return JSON.stringify(copy);
});

function onlyBatonErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
  }
}

async function onlyBatonErrorsAsync(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
  }
}

function expectNoPollution(): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.integer({ min: -50, max: 5 }), fc.string(), fc.string()).map(([code, a, b]) => `${code}\r\n${a}\n${b}`),
  fc.dictionary(key, fc.string()).map((record) => Object.entries(record).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&\n')),
  fc.constantFrom('__proto__[polluted]=1&type=async-form-response', 'type=async-form-response&__proto__=x&constructor[prototype][polluted]=1', '<html><body>502</body></html>', ''),
);

describe('parsers throw only BatonErrors', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sasp.parseSessionResponse (both formats)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 1), (body, format) => {
        onlyBatonErrors(() => parseSessionResponse(body, { format: format as 0 | 1 }));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('sasp.parseStatusResponse (arbitrary text, JSON, and the example with a field replaced)', () => {
    fc.assert(
      fc.property(fc.oneof(text, jsonLike.map((value) => JSON.stringify(value) ?? ''), mutatedStatus), (body) => {
        onlyBatonErrors(() => parseStatusResponse(body));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('sbc.parseFormResponse', () => {
    fc.assert(
      fc.property(text, (body) => {
        onlyBatonErrors(() => parseFormResponse(body));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('connect.createClientSession', () => {
    const session = fc.record(
      { clientSessionId: fc.oneof(fc.string(), jsonLike), customerId: fc.oneof(fc.string(), jsonLike), clientApiUrl: fc.oneof(fc.webUrl(), fc.string()), assetUrl: fc.oneof(fc.webUrl(), fc.string()), invalidTokens: jsonLike, region: jsonLike },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(jsonLike, session), (value) => {
        onlyBatonErrors(() => createClientSession(value as never));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  // Network answers: stub fetch so each generated body is what the server "said".
  function answerWith(body: string, status: number) {
    vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
  }
  const runsOverHttp = RUNS;
  const bodies = fc.oneof(text, jsonLike.map((value) => JSON.stringify(value) ?? ''));
  const statuses = fc.constantFrom(200, 400, 404, 500);

  it('sbc.initiateSale answers (any body, any status)', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, statuses, async (body, status) => {
        answerWith(body, status);
        await onlyBatonErrorsAsync(() =>
          initiateSale({ url: 'https://merchant.example/sale', accessToken: 'a'.repeat(32), device: { serialNumber: 'SN1' }, transaction: { amountCentis: 100, currency: 'USD' } }),
        );
        expectNoPollution();
      }),
      { numRuns: runsOverHttp },
    );
  }, 600_000);

  it('sasp.getPostPaymentStatus answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(bodies, mutatedStatus), statuses, async (body, status) => {
        answerWith(body, status);
        await onlyBatonErrorsAsync(() => getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '654824' }));
        expectNoPollution();
      }),
      { numRuns: runsOverHttp },
    );
  }, 600_000);

  it('connect Client API answers', async () => {
    const session = createClientSession({ clientSessionId: 'abc123', customerId: '9991-abc', clientApiUrl: 'https://eu.api-ingenico.com/client', assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/' });
    const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };
    await fc.assert(
      fc.asyncProperty(bodies, statuses, fc.constantFrom(0, 1, 2, 3), async (body, status, call) => {
        answerWith(body, status);
        await onlyBatonErrorsAsync(() =>
          [
            () => session.getBasicPaymentProducts(context),
            () => session.getPaymentProduct(1, context),
            () => session.getIinDetails('4111111111', context),
            () => createClientSession({ clientSessionId: `s${Math.random()}`.replace('.', ''), customerId: '9991-abc', clientApiUrl: 'https://eu.api-ingenico.com/client', assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/' }).getPublicKey(),
          ][call]!(),
        );
        expectNoPollution();
      }),
      { numRuns: runsOverHttp },
    );
  }, 600_000);
});
