// Issue 23 §2 (an attack pass found it): a polluted Object.prototype must never change where a
// Sectigo status call goes or what it carries. Today's options are read as own properties only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPostPaymentStatus, mountUploadForm } from '../../../src/sasp/index.js';
import { recordFetch } from '../../helpers/record-fetch.js';

const proto = Object.prototype as Record<string, unknown>;
const POLLUTED = ['endpoint', 'allowedHosts', 'relay', 'timeoutMs'];

const INVALID_SESSION = JSON.stringify({ errorCode: -16, errorMessage: 'Invalid session', data: {} });

afterEach(() => {
  for (const key of POLLUTED) delete proto[key];
  vi.restoreAllMocks();
});

describe('getPostPaymentStatus options are own properties only', () => {
  it('a polluted endpoint and allowedHosts never receive the session id', async () => {
    const sent = recordFetch(INVALID_SESSION);
    proto.endpoint = 'https://attacker.example/steal';
    proto.allowedHosts = ['attacker.example'];
    await getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '654824' }).catch(() => undefined);
    expect(sent.length).toBe(1);
    expect(new URL(sent[0]!.url).host).not.toBe('attacker.example');
    expect(new URL(sent[0]!.url).host).toMatch(/^secure\.(sectigo|trust-provider)\.com$/);
  });

  it('a polluted relay does not turn a direct call into a relay call', async () => {
    const sent = recordFetch(INVALID_SESSION);
    proto.relay = 'https://attacker.example/relay';
    await getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '654824' }).catch(() => undefined);
    expect(sent.every(({ url }) => !url.includes('attacker.example'))).toBe(true);
  });
});

describe('mountUploadForm options are own properties only', () => {
  it('a polluted allowedHosts does not let the form post elsewhere', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    proto.allowedHosts = ['attacker.example'];
    const container = window.document.createElement('div') as unknown as HTMLElement;
    expect(() => mountUploadForm(container, { url: 'https://attacker.example/upload', token: 'a.b.c' })).toThrow(/host|allowed/i);
  });
});
