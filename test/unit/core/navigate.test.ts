// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsafeUrlError } from '../../../src/core/errors.js';
import { navigate, postForm } from '../../../src/core/navigate.js';
import { spyOnLocation } from '../spy-location.js';

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
    expect(popup).toEqual({ opener: null, location: { href: url } });
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
    expect([...new FormData(submitted!)]).toEqual([['a', '1'], ['b', '<x>']]);
    expect(document.querySelector('form')).toBeNull();
  });

  it('refuses an unsafe action', () => {
    expect(() => postForm('data:text/html,x', {}, policy)).toThrow(UnsafeUrlError);
  });
});
