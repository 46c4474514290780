// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitFinalStatus } from '../../../src/sbc/index.js';

afterEach(() => vi.restoreAllMocks());

describe('awaitFinalStatus while the page is hidden', () => {
  it('does not ask while hidden, and resumes when shown', async () => {
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    let asked = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      asked++;
      if (asked === 1) visibility = 'hidden'; // the payer switches tabs during the first question
      return new Response(JSON.stringify({ status: asked >= 3 ? 'approved' : 'processing' }));
    });
    const pending = awaitFinalStatus({ statusUrl: '/status', orderId: 'A1', intervalMs: 10, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1200));
    expect(asked).toBe(1);
    visibility = 'visible';
    await expect(pending).resolves.toMatchObject({ status: 'approved' });
    expect(asked).toBe(3);
  });
});
