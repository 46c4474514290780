import { describe, expect, it } from 'vitest';
import { dcvMethodFromApi, dcvMethodToApi } from '../../../src/sasp/index.js';

describe('DCV method mapping', () => {
  it.each([
    ['email', 'admin@mn.gov', { method: 'EMAIL', email: 'admin@mn.gov' }],
    ['whoisEmail', 'owner@mn.gov', { method: 'EMAIL', email: 'owner@mn.gov' }],
    ['csrHash', 'CNAME CSR Hash', { method: 'CNAME_CSR_HASH' }],
    ['csrHash', 'HTTP CSR Hash', { method: 'HTTP_CSR_HASH' }],
    ['csrHash', 'HTTPS CSR Hash', { method: 'HTTPS_CSR_HASH' }],
    ['manual', 'Manual', { method: 'MANUAL' }],
    ['futureMethod', 'DNS TXT', { method: 'DNS TXT' }],
  ])('%s / %s → API', (type, option, expected) => {
    expect(dcvMethodToApi(type, option)).toEqual(expected);
  });
  it.each([
    ['EMAIL', 'admin@mn.gov', { type: 'email', option: 'admin@mn.gov' }],
    ['CNAME_CSR_HASH', undefined, { type: 'csrHash', option: 'CNAME CSR Hash' }],
    ['HTTP_CSR_HASH', undefined, { type: 'csrHash', option: 'HTTP CSR Hash' }],
    ['HTTPS_CSR_HASH', undefined, { type: 'csrHash', option: 'HTTPS CSR Hash' }],
    ['MANUAL', undefined, { type: 'manual', option: 'Manual' }],
    ['DNS_TXT', undefined, { type: 'DNS_TXT', option: 'DNS_TXT' }],
  ])('API %s → status', (method, email, expected) => {
    expect(dcvMethodFromApi(method, email)).toEqual(expected);
  });
  it('round-trips every csrHash option', () => {
    for (const option of ['CNAME CSR Hash', 'HTTP CSR Hash', 'HTTPS CSR Hash', 'Manual']) {
      expect(dcvMethodFromApi(dcvMethodToApi('csrHash', option).method).option).toBe(option);
    }
  });
});
