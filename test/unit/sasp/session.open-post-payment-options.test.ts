// @vitest-environment happy-dom
// Cases found by mutation testing (issue 14): openPostPayment's options, as a page calls it.
import { describe, expect, it } from 'vitest';
import { ValidationError, openPostPayment } from '../../../src/sasp/index.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

describe('openPostPayment options', () => {
  const location = spyOnLocation();

  it('null options mean the defaults: the live page, in this tab', () => {
    expect(openPostPayment({ sid: 'abc123', orderNumber: '9001' }, null as never).via).toBe('self');
    expect(location.assign).toHaveBeenCalledWith('https://secure.sectigo.com/products/postPayment1a?SID=abc123&orderNumber=9001');
  });

  it('a bad target is refused, naming the options, before navigating', () => {
    let error: unknown;
    try {
      openPostPayment({ sid: 'abc123', orderNumber: '9002' }, { target: 'new-window' as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^openPostPayment options: target: /);
    expect(location.assign).not.toHaveBeenCalled();
  });
});
