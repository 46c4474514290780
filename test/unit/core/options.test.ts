// The input vocabulary (src/core/options.ts): how every public function reads its options.
// Issue 27 §1 (one reader: own keys, read once, strict mode, issue paths) and issue 23 §2/§7
// (nothing inherited is an option; an allowedHosts entry that is a URL says to give the host).
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors.js';
import { hostsOption, msOption, optionsShape, shape, urlInput } from '../../../src/core/options.js';
import { kindOf } from '../../../src/core/own.js';
import { lookup } from '../../../src/core/lookup.js';
import { safeUrl } from '../../../src/core/url-guard.js';
import { parseWith } from '../../../src/core/validate.js';
import { caught } from '../../helpers/caught.js';

const proto = Object.prototype as Record<string, unknown>;
afterEach(() => {
  for (const key of ['endpoint', 'extra', 'name']) delete proto[key];
});

const named = shape({ name: v.optional(v.custom<string>((value) => typeof value === 'string', 'must be a string')) });

describe('shape: own keys, each read once', () => {
  it('never reads a declared key from the prototype chain', () => {
    proto.name = 'inherited';
    expect(Object.hasOwn(parseWith(named, {}, 'options'), 'name')).toBe(false);
    // Nor from an object's own prototype.
    expect(Object.hasOwn(parseWith(named, Object.create({ name: 'parent' }), 'options'), 'name')).toBe(false);
  });

  it('gives options a prototype-free output: a key not given reads as undefined, never inherited', () => {
    const options = parseWith(optionsShape({ name: v.optional(v.string()) }), {}, 'options');
    proto.endpoint = 'https://evil.example/';
    expect((options as Record<string, unknown>).endpoint).toBeUndefined();
    expect(Object.getPrototypeOf(options)).toBeNull();
  });

  it('copies the keys it does not declare, but never __proto__, prototype or constructor', () => {
    const input = JSON.parse('{"name":"a","other":1,"__proto__":{"polluted":true},"constructor":2,"prototype":3}') as object;
    const output = parseWith(named, input, 'options') as Record<string, unknown>;
    expect(output).toEqual({ name: 'a', other: 1 });
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(output.polluted).toBeUndefined();
  });

  it('reads each key once: a getter cannot answer the check one thing and the use another', () => {
    let reads = 0;
    const input = {
      get name() {
        reads += 1;
        return reads === 1 ? 'checked' : 42;
      },
    };
    expect(parseWith(named, input, 'options').name).toBe('checked');
    expect(reads).toBe(1);
  });

  it('believes only what a Proxy lists as its own keys, whatever `has` or `get` say of others', () => {
    const target = { name: 'own' };
    const liar = new Proxy(target, {
      has: () => true,
      get: (object, key) => (key in object ? Reflect.get(object, key) : 'lie'),
    });
    const output = parseWith(shape({ name: v.optional(v.string()), endpoint: v.optional(v.string()) }), liar, 'options');
    expect(output).toEqual({ name: 'own' });
  });

  it('a Proxy whose traps throw is a ValidationError, not a TypeError', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(caught(() => parseWith(named, hostile, 'options'))).toBeInstanceOf(ValidationError);
  });

  it('strict: an unknown key is an issue at its own path; settings are named, not positional', () => {
    const strict = optionsShape({ name: v.optional(v.string()) }, { strict: true });
    const error = caught(() => parseWith(strict, { name: 'a', nmae: 'b' }, 'getThing options')) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toMatchObject([{ path: 'nmae', message: 'unknown option' }]);
    // An inherited key is no unknown key either: it is not there.
    proto.extra = 1;
    expect(parseWith(strict, { name: 'a' }, 'options').name).toBe('a');
  });

  it('a missing required key, and a nested issue, carry their whole path', () => {
    const nested = shape({ device: shape({ serialNumber: v.custom<string>((value) => typeof value === 'string', 'is required') }) });
    const missing = caught(() => parseWith(nested, {}, 'sale')) as ValidationError;
    expect(missing.issues.map((issue) => issue.path)).toStrictEqual(['device']);
    const deep = caught(() => parseWith(nested, { device: {} }, 'sale')) as ValidationError;
    expect(deep.issues).toMatchObject([{ path: 'device.serialNumber', message: 'is required' }]);
  });

  it('refuses what is not an object, arrays included, with its message', () => {
    for (const bad of [null, 'x', 1, [], undefined]) {
      expect(caught(() => parseWith(shape({}, { message: 'must be an object' }), bad, 'x')) as ValidationError).toMatchObject({ issues: [{ message: 'must be an object' }] });
    }
  });
});

describe('the option vocabulary', () => {
  it('allowedHosts: a non-empty list of hosts (one rule for every provider)', () => {
    const read = (allowedHosts: unknown) => parseWith(optionsShape({ allowedHosts: hostsOption }), { allowedHosts }, 'createClientSession options');
    expect(read(['127.0.0.1:5174', '*.example.com', '[::1]']).allowedHosts).toStrictEqual(['127.0.0.1:5174', '*.example.com', '[::1]']);
    expect(read(undefined).allowedHosts).toBeUndefined();
    for (const bad of [[], 'example.com', [1], null]) expect(caught(() => read(bad))).toBeInstanceOf(ValidationError);
  });

  it('an allowedHosts entry that is a URL is a ValidationError that says to give the host', () => {
    const error = caught(() => safeUrl('http://127.0.0.1:5174/x', { allowedHosts: ['http://127.0.0.1:5174'] })) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/give the host/);
  });

  it('timeoutMs: finite, 1 or more, and no longer than a timer can wait', () => {
    const read = (timeoutMs: unknown) => parseWith(optionsShape({ timeoutMs: msOption }), { timeoutMs }, 'options').timeoutMs;
    expect(read(1)).toBe(1);
    expect(read(2 ** 31 - 1)).toBe(2 ** 31 - 1);
    for (const bad of [0, 0.5, -1, Number.NaN, Infinity, 2 ** 31, '1000']) expect(caught(() => read(bad))).toBeInstanceOf(ValidationError);
  });

  it('urlInput: a non-blank string or a real URL; an object that only claims to be a URL is refused', () => {
    const read = (url: unknown) => v.safeParse(urlInput(), url).success;
    expect(read('/relay')).toBe(true);
    expect(read(new URL('https://example.com/'))).toBe(true);
    expect(read(Object.create(URL.prototype))).toBe(false);
    expect(read('  ')).toBe(false);
    expect(read(42)).toBe(false);
  });

  it('kindOf names what was given; lookup finds only a table\'s own keys', () => {
    expect([null, [], {}, 'x', 1, undefined].map(kindOf)).toStrictEqual(['null', 'array', 'object', 'string', 'number', 'undefined']);
    const table = { a: 'A' };
    expect(lookup(table, 'a')).toBe('A');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(lookup(table, key)).toBeUndefined();
  });
});
