// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { navigate, postForm } from '../../../src/core/navigate.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

const policy = { allowedHosts: ['pay.example.com'] };
let n = 0;
// Each test navigates to a fresh URL so the double-click guard does not mask it.
const next = () => `https://pay.example.com/form/${++n}`;

describe('navigate', () => {
  const location = spyOnLocation();

  it('refuses an unsafe target before touching the window', () => {
    expect(() => navigate('javascript:alert(1)', policy)).toThrow(UnsafeUrlError);
    expect(() => navigate('https://evil.example/', policy)).toThrow(UnsafeUrlError);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('navigates this tab by default, and replaces on request', () => {
    const url = next();
    expect(navigate(url, policy)).toMatchObject({ via: 'self', duplicate: false });
    expect(location.assign).toHaveBeenCalledWith(url);
    const other = next();
    navigate(other, policy, { target: 'replace' });
    expect(location.replace).toHaveBeenCalledWith(other);
  });

  it('navigates once for a double click', () => {
    const url = next();
    navigate(url, policy);
    expect(navigate(url, policy)).toMatchObject({ duplicate: true });
    expect(location.assign).toHaveBeenCalledTimes(1);
  });

  it('opens a popup without an opener', () => {
    const popup = { opener: window, location: { href: 'about:blank' } };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const url = next();
    expect(navigate(url, policy, { target: 'popup' }).via).toBe('popup');
    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    expect(popup).toStrictEqual({ opener: null, location: { href: url } });
  });

  it('falls back to this tab when the popup is blocked', () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const url = next();
    expect(navigate(url, policy, { target: 'popup' }).via).toBe('self');
    expect(location.assign).toHaveBeenCalledWith(url);
  });
});

describe('postForm', () => {
  afterEach(() => vi.restoreAllMocks());

  it('submits a hidden POST form with the fields, then removes it', () => {
    let submitted: HTMLFormElement | undefined;
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted = this;
    });
    const url = next();
    expect(postForm(url, { a: '1', b: '<x>' }, policy).via).toBe('form');
    expect(submitted?.method.toLowerCase()).toBe('post');
    expect(submitted?.action).toBe(url);
    expect([...new FormData(submitted!)]).toStrictEqual([['a', '1'], ['b', '<x>']]);
    expect(document.querySelector('form')).toBeNull();
  });

  it('refuses an unsafe action', () => {
    expect(() => postForm('data:text/html,x', {}, policy)).toThrow(UnsafeUrlError);
  });
});

describe('navigation checks what goes out', () => {
  const location = spyOnLocation();

  it('refuses a secret in the query or fragment of the target, in any spelling', () => {
    for (const query of ['?loginPassword=x', '?a=1&merchant_control=k', '?merchant%5Bcontrol%5D=k', '#control=k', '?Login-Password=x']) {
      expect(() => navigate(`https://pay.example.com/f${query}`, policy), query).toThrow(SecretError);
    }
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('a failed navigation does not turn the immediate retry into a silent duplicate', () => {
    const url = next();
    location.assign.mockImplementationOnce(() => {
      throw new Error('blocked by the browser');
    });
    expect(() => navigate(url, policy)).toThrow('blocked');
    expect(navigate(url, policy)).toMatchObject({ duplicate: false, via: 'self' });
    expect(location.assign).toHaveBeenCalledTimes(2);
  });

  it('from a sandboxed frame with allow-popups, opening a tab is a success', () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({
      get location(): never {
        throw new DOMException('sandboxed', 'SecurityError');
      },
    } as unknown as Window);
    const tab = { opener: window, location: { href: 'about:blank' } };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const url = next();
    expect(navigate(url, policy)).toMatchObject({ via: 'popup', duplicate: false });
    expect(tab).toStrictEqual({ opener: null, location: { href: url } });
  });

  it('from a sandboxed frame without popups, says so with a BatonError', () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({
      get location(): never {
        throw new DOMException('sandboxed', 'SecurityError');
      },
    } as unknown as Window);
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(() => navigate(next(), policy)).toThrow(BatonError);
  });
});

describe('postForm checks the fields it posts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses secret fields in any spelling, and secrets in the action URL', () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    for (const name of ['control', 'merchant_control', 'merchant[control]', 'control[]', 'merchant.control', 'loginPassword']) {
      expect(() => postForm(next(), { amount: '1', [name]: 'k' }, policy), name).toThrow(SecretError);
    }
    expect(() => postForm(`${next()}?control=k`, { amount: '1' }, policy)).toThrow(SecretError);
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses a value that carries a secret: pairs, encoded pairs, a URL with a secret query, JSON strict or lenient', () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    const values = [
      'control=k',
      'control%3Dk',
      'https://merchant.example/back?merchant_control=k',
      '/back#loginPassword=k',
      '{"merchant_key":"k"}',
      "{'apiKey': 'k'}",
      '{ secretKey: "k" }',
      ' [{"a": {"private_key": "k"}}]',
      '%7B%22api_key%22%3A%22k%22%7D',
    ];
    for (const value of values) expect(() => postForm(next(), { amount: '1', note: value }, policy), value).toThrow(SecretError);
    expect(submit).not.toHaveBeenCalled();
    // Ordinary values still go out.
    postForm(next(), { note: 'remote control: broken {braces}', json: '{"amount":1}' }, policy);
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('posts the fields as read once: a Proxy cannot swap in a key after the check', () => {
    let posted: [string, FormDataEntryValue][] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      posted = [...new FormData(this)];
    });
    let reads = 0;
    const fields = new Proxy({} as Record<string, string>, {
      ownKeys: () => (reads++ === 0 ? ['amount'] : ['control']),
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: '1' }),
      get: () => '1',
    });
    postForm(next(), fields, policy);
    expect(posted).toStrictEqual([['amount', '1']]);
  });

  it('refuses fields that are not strings with a ValidationError', () => {
    expect(() => postForm(next(), { amount: 1 } as never, policy)).toThrow(ValidationError);
    expect(() => postForm(next(), null as never, policy)).toThrow(ValidationError);
  });
});
