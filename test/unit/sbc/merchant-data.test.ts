import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors.js';
import { encodeMerchantFormData } from '../../../src/sbc/index.js';

describe('encodeMerchantFormData', () => {
  it('encodes as the document shows', () => {
    expect(encodeMerchantFormData({ testparam: 'test1', mynewparam: 'test2' })).toBe('testparam%3Dtest1%26mynewparam%3Dtest2');
    expect(encodeMerchantFormData({ theme: 'dark' })).toBe('theme%3Ddark');
  });

  it('accepts non-negative integers and empty values', () => {
    expect(encodeMerchantFormData({ level: 3, note: '' })).toBe('level%3D3%26note%3D');
    expect(encodeMerchantFormData({})).toBe('');
  });

  it.each([
    ['a name with an underscore', { my_param: 'x' }],
    ['a name with a space', { 'my param': 'x' }],
    ['an empty name', { '': 'x' }],
    ['a value with =', { a: 'b=c' }],
    ['a value with &', { a: 'b&c' }],
    ['a value with %', { a: '100%' }],
    ['a non-ASCII value', { a: 'тёмная' }],
    ['a negative number', { a: -1 }],
    ['a fraction', { a: 1.5 }],
    ['an object value', { a: { b: 'c' } }],
    ['a boolean value', { a: true }],
  ])('refuses %s', (_name, record) => {
    expect(() => encodeMerchantFormData(record as Record<string, string>)).toThrow(ValidationError);
  });

  it('lists every bad entry', () => {
    try {
      encodeMerchantFormData({ ok: 'fine', 'bad-name': 'x', worse: 'a b' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['bad-name', 'worse']);
    }
  });

  it('enforces the 2 MB limit', () => {
    const limit = 2 * 1024 * 1024;
    expect(encodeMerchantFormData({ a: 'x'.repeat(limit - 4) })).toHaveLength(limit); // a%3D + value
    expect(() => encodeMerchantFormData({ a: 'x'.repeat(limit - 3) })).toThrow(/2 MB/);
  });

  it.each([null, undefined, 'theme=dark', []])('refuses %s with a ValidationError', (input) => {
    expect(() => encodeMerchantFormData(input as unknown as Record<string, string>)).toThrow(ValidationError);
  });
});
