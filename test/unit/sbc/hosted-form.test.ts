// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BatonError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { configure, getConfig, openHostedForm, parseFormResponse } from '../../../src/sbc/index.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

let n = 0;
const form = (host = 'sandbox.sbctech.ru') => `https://${host}/paynet/form/init/${++n}ABC`;

describe('openHostedForm (default configuration)', () => {
  const location = spyOnLocation();

  it('opens the sandbox and production gateways', () => {
    const sandbox = form();
    expect(openHostedForm(sandbox)).toMatchObject({ via: 'self', duplicate: false });
    const gate = form('gate.sbctech.ru');
    openHostedForm(new URL(gate));
    expect(location.assign.mock.calls).toEqual([[sandbox], [gate]]);
  });

  it('opens a parsed form response', () => {
    const url = form();
    const parsed = parseFormResponse(`type=async-form-response\n&paynet-order-id=1\n&redirect-url=${encodeURIComponent(url)}`);
    openHostedForm(parsed);
    expect(location.assign).toHaveBeenCalledWith(url);
  });

  it.each([
    ['another host', 'https://evil.example/paynet/form/1', /allow-list/],
    ['a look-alike host', 'https://sandbox.sbctech.ru.evil.example/paynet/form/1', /allow-list/],
    ['a sibling sub-domain', 'https://evil.sbctech.ru/paynet/form/1', /allow-list/],
    ['the apex domain', 'https://sbctech.ru/paynet/form/1', /allow-list/],
    ['credentials', 'https://sandbox.sbctech.ru@evil.example/paynet/form/1', /credentials/],
    ['plain http', 'http://sandbox.sbctech.ru/paynet/form/1', /plain http/],
    ['a path outside /paynet/', 'https://sandbox.sbctech.ru/other/form/1', /path/],
    ['javascript:', 'javascript:alert(document.domain)', /absolute http/],
    ['data:', 'data:text/html,<script>alert(1)</script>', /absolute http/],
    ['a relative URL', '/paynet/form/1', /absolute http/],
    ['loopback http (not on the default list)', 'http://127.0.0.1:5173/paynet/form/1', /allow-list/],
  ])('refuses %s', (_name, url, reason) => {
    expect(() => openHostedForm(url)).toThrow(UnsafeUrlError);
    expect(() => openHostedForm(url)).toThrow(reason);
    expect(() => openHostedForm({ redirectUrl: url })).toThrow(UnsafeUrlError);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('allowedHosts replaces the allow-list for one call, and the path prefix still applies', () => {
    const url = 'https://pay.white-label.example/paynet/form/9';
    expect(() => openHostedForm(url)).toThrow(UnsafeUrlError);
    openHostedForm(url, { allowedHosts: ['pay.white-label.example'] });
    expect(location.assign).toHaveBeenCalledWith(url);
    expect(() => openHostedForm(form(), { allowedHosts: ['pay.white-label.example'] })).toThrow(/allow-list/);
    expect(() => openHostedForm('https://pay.white-label.example/x', { allowedHosts: ['pay.white-label.example'] })).toThrow(/path/);
  });

  it.each([undefined, null, 42, {}, { redirectUrl: 7 }])('refuses %s with a ValidationError', (input) => {
    expect(() => openHostedForm(input as unknown as string)).toThrow(ValidationError);
  });

  it('refuses an unknown target', () => {
    expect(() => openHostedForm(form(), { target: 'parent' as never })).toThrow(ValidationError);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('refuses a bad allowedHosts list', () => {
    expect(() => openHostedForm(form(), { allowedHosts: 'sandbox.sbctech.ru' as unknown as string[] })).toThrow(ValidationError);
    expect(() => openHostedForm(form(), { allowedHosts: [] })).toThrow(ValidationError);
  });
});

describe('configure', () => {
  it('starts from the documented defaults', () => {
    expect(getConfig()).toStrictEqual({ allowedHosts: ['gate.sbctech.ru', 'sandbox.sbctech.ru'], pathPrefixes: ['/paynet/'] });
  });

  it('is set once: the same values again are fine, other values throw', () => {
    const config = { allowedHosts: ['gate.white-label.example'], pathPrefixes: ['/paynet/'] };
    configure(config);
    expect(configure(config).allowedHosts).toEqual(['gate.white-label.example']);
    expect(() => configure({ allowedHosts: ['evil.example'] })).toThrow(BatonError);
    expect(getConfig().allowedHosts).toEqual(['gate.white-label.example']);
    // The old default host is no longer allowed.
    expect(() => openHostedForm(form())).toThrow(/allow-list/);
  });

  it('names the renamed option instead of ignoring it', () => {
    expect(() => configure({ hosts: ['gate.white-label.example'] } as never)).toThrow(/hosts: renamed: use allowedHosts/);
  });

  it('refuses a malformed configuration', () => {
    expect(() => configure({ allowedHosts: [] })).toThrow(ValidationError);
    expect(() => configure({ pathPrefixes: [''] })).toThrow(ValidationError);
  });
});
