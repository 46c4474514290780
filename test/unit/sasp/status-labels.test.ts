// @vitest-environment happy-dom
// Issue 23 §2: a provider's id named like an Object.prototype member is text, never a function's
// source or a TypeError (labels, section titles, detail fields, currency exponents).
import { afterEach, describe, expect, it } from 'vitest';
import { actionLabel, parseStatusResponse, renderStatus, statusLabel } from '../../../src/sasp/index.js';
import { currencyExponent, formatAmount } from '../../../src/connect/index.js';

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

afterEach(() => document.body.replaceChildren());

describe('labels keyed safely', () => {
  it.each(PROTO_NAMES)('statusLabel and actionLabel show %s as sent', (name) => {
    expect(statusLabel(name)).toBe(name);
    expect(actionLabel(name)).toBe(name);
  });

  it.each(PROTO_NAMES)('a currency named %s has the default exponent', (name) => {
    expect(currencyExponent(name)).toBe(2);
  });

  it('keeps known labels', () => {
    expect(statusLabel('ActionRequired')).toBe('Action required');
    expect(formatAmount(1000, 'JPY', 'en')).toContain('1,000');
  });

  it('renders sections, statuses and actions named like prototype members as text', () => {
    const status = parseStatusResponse(
      JSON.stringify({
        errorCode: 0,
        data: {
          orderNumber: 1,
          orderStatus: 'Pending',
          csrStatus: { title: 'CSR', status: 'constructor', availableActions: ['toString'] },
          constructorStatus: { status: 'valueOf' },
          toStringStatus: { status: '__proto__', availableActions: ['constructor'] },
        },
      }),
    );
    const container = document.createElement('div');
    document.body.append(container);
    renderStatus(container, status, { onAction: () => undefined });
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/function|native code|\[object/);
    expect(text).toContain('constructor');
    expect(text).toContain('toString');
  });
});
