// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { SecretError, UnsafeUrlError, ValidationError, openPostPayment } from '../../../src/sasp/index.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

let n = 0;
const order = () => String(++n);

describe('openPostPayment', () => {
  const location = spyOnLocation();

  it('navigates to the hosted page through the URL guard', () => {
    const orderNumber = order();
    const result = openPostPayment({ sid: 'abc123', orderNumber });
    expect(result.via).toBe('self');
    expect(location.assign).toHaveBeenCalledWith(`https://secure.sectigo.com/products/postPayment1a?SID=abc123&orderNumber=${orderNumber}`);
  });

  it('opens a popup without an opener', () => {
    const popup = { opener: window, location: { href: 'about:blank' } };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const orderNumber = order();
    expect(openPostPayment({ sid: 'abc123', orderNumber }, { target: 'popup' }).via).toBe('popup');
    expect(popup.opener).toBeNull();
    expect(popup.location.href).toContain(`orderNumber=${orderNumber}`);
  });

  it('navigates once for a double click', () => {
    const orderNumber = order();
    openPostPayment({ sid: 'abc123', orderNumber });
    expect(openPostPayment({ sid: 'abc123', orderNumber }).duplicate).toBe(true);
    expect(location.assign).toHaveBeenCalledTimes(1);
  });

  it('refuses hosts and paths off the allow-list, and bad input, before navigating', () => {
    expect(() => openPostPayment({ sid: 'abc', orderNumber: order() }, { endpoint: 'https://secure.sectigo.com.evil.example/products/postPayment1a' })).toThrow(UnsafeUrlError);
    expect(() => openPostPayment({ sid: 'abc', orderNumber: order() }, { endpoint: 'https://secure.sectigo.com/account/' })).toThrow(UnsafeUrlError);
    expect(() => openPostPayment({ sid: 'abc', orderNumber: order() }, { allowedHosts: ['shop.example'] })).toThrow(UnsafeUrlError);
    expect(() => openPostPayment({ sid: 'abc', orderNumber: order() }, { target: 'new-window' as never })).toThrow(ValidationError);
    expect(() => openPostPayment({ sid: 'abc', orderNumber: order(), loginPassword: 'x' } as never)).toThrow(SecretError);
    expect(() => openPostPayment(undefined as never)).toThrow(ValidationError);
    expect(location.assign).not.toHaveBeenCalled();
  });
});
