// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of the
// secrets guard that the other tests left open — the depth bound, how a body is read, and where
// a refusal says the secret was.
import { describe, expect, it } from 'vitest';
import { SecretError, ValidationError } from '../../../src/core/errors.js';
import { assertNoSecrets, assertNoSecretsInBody, assertNoSecretsInUrl } from '../../../src/core/secrets.js';
import { caught } from '../../helpers/caught.js';


/** `levels` objects nested in one another, the innermost holding `inner`. */
function nested(levels: number, inner: Record<string, unknown>): Record<string, unknown> {
  let value = inner;
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe('secrets guard: the depth bound is 64 levels', () => {
  it('64 nested objects are read; a 65th is refused with a ValidationError naming where', () => {
    expect(() => assertNoSecrets(nested(64, { ok: 1 }))).not.toThrow();
    const error = caught(() => assertNoSecrets(nested(65, { ok: 1 }), 'body'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toStrictEqual([{ path: `body${'.a'.repeat(64)}`, message: 'nested deeper than 64 levels' }]);
    expect((error as ValidationError).message).toMatch(/^body: /);
  });

  it('a getter that throws is described as such', () => {
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    const error = caught(() => assertNoSecrets({ order: getter }, 'body'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toStrictEqual([{ path: '', message: 'could not be read (a getter or proxy threw)' }]);
    expect((error as ValidationError).message).toMatch(/^body: /);
  });
});

describe('secrets guard: where the secret was', () => {
  it('a URL names the query or the fragment', () => {
    expect(caught(() => assertNoSecretsInUrl(new URL('https://a.example/x?a=1&control=k')))).toStrictEqual(new SecretError('url?control'));
    expect(caught(() => assertNoSecretsInUrl(new URL('https://a.example/x#loginPassword=k')))).toMatchObject({ path: 'url#loginPassword' });
    expect(caught(() => assertNoSecretsInUrl(new URL('https://a.example/x?merchant%5Bcontrol%5D=k'), 'endpoint'))).toMatchObject({
      path: 'endpoint?merchant[control]',
    });
  });

  it('a body names the key, as parsed, under "body" unless told otherwise (pairs too: `body.key`, as in JSON)', () => {
    expect(caught(() => assertNoSecretsInBody('a=1&merchant_control=k', 'application/x-www-form-urlencoded'))).toMatchObject({ path: 'body.merchant_control' });
    expect(caught(() => assertNoSecretsInBody('{"order":{"control":"k"}}', 'application/json'))).toMatchObject({ path: 'body.order.control' });
    expect(caught(() => assertNoSecretsInBody('{"control":"k"}', 'application/json', 'form'))).toMatchObject({ path: 'form.control' });
    const form = new FormData();
    form.append('file', 'x');
    form.append('control', 'k');
    expect(caught(() => assertNoSecretsInBody(form, null))).toMatchObject({ path: 'body.control' });
  });
});

describe('secrets guard: a body is read as the server will read it', () => {
  // One reader per declared type (its media type, whatever the parameters say), as server
  // frameworks pick their body parser.
  const JSON_TYPES = ['application/json', 'Application/JSON; charset=utf-8', 'application/merge-patch+json', ' application/json ;x=1'];
  it('a JSON type: parsed (keys and the pairs inside values), or every "name": for a lenient parser', () => {
    for (const type of JSON_TYPES) {
      expect(caught(() => assertNoSecretsInBody('{"note":"x&control=1"}', type)), type).toMatchObject({ path: 'body.note:control' });
      expect(caught(() => assertNoSecretsInBody('{"\\u0063ontrol":1}', type)), type).toMatchObject({ path: 'body.control' });
      expect(caught(() => assertNoSecretsInBody('\ufeff{"control":1,}', type)), type).toMatchObject({ path: 'body.control' });
      expect(caught(() => assertNoSecretsInBody('{"a":1,"\\u006coginPassword":2,}', type)), type).toMatchObject({ path: 'body.loginPassword' });
      expect(() => assertNoSecretsInBody('{"note":"x&amount=1","signature":"abc=="}', type), type).not.toThrow();
      // Not read as pairs or multipart: a JSON parser never sees these as names.
      expect(() => assertNoSecretsInBody('{"note":"name=\\"control\\""}', type), type).not.toThrow();
    }
  });
  it('multipart: each part name', () => {
    for (const type of ['multipart/form-data; boundary=b', 'Multipart/Form-Data;boundary="b"']) {
      expect(caught(() => assertNoSecretsInBody('--b\r\nContent-Disposition: form-data; name="merchant_control"\r\n\r\nk', type)), type).toMatchObject({ path: 'body.merchant_control' });
      expect(caught(() => assertNoSecretsInBody('--b\r\nContent-Disposition: form-data; NAME*="control"\r\n\r\nk', type)), type).toMatchObject({ path: 'body.control' });
      expect(() => assertNoSecretsInBody('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\ncontrol=1\r\n--b--', type), type).not.toThrow();
    }
  });
  it('urlencoded, text or no type (a form decoder is what reads such text): pairs, `&` or `;` separated', () => {
    for (const type of ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; x=json', 'text/plain', null]) {
      expect(caught(() => assertNoSecretsInBody('a=1;merchant%5Bcontrol%5D=k', type)), String(type)).toMatchObject({ path: 'body.a:1;merchant[control]' });
      expect(caught(() => assertNoSecretsInBody('{"control":1}', type)), String(type)).toMatchObject({ path: 'body.{"control":1}' });
      expect(caught(() => assertNoSecretsInBody('next=%2Fok%3Fcontrol%3D1', type)), String(type)).toMatchObject({ path: 'body.next:control' });
      expect(() => assertNoSecretsInBody('note={"amount":1}&signature=abc%3D%3D', type), String(type)).not.toThrow();
    }
  });
});

describe('secrets guard: values a receiver decodes', () => {
  it('a string value at any depth is read as pairs (a note two levels down that holds a query)', () => {
    expect(caught(() => assertNoSecrets({ order: { meta: { next: '/done?control=1' } } }))).toMatchObject({ path: 'input.order.meta.next:control' });
    expect(() => assertNoSecrets({ order: { meta: { next: '/done?amount=1', sig: 'abc==' } } })).not.toThrow();
  });
  it('a value encoded twice is decoded once more, and a broken escape is read as written', () => {
    expect(caught(() => assertNoSecretsInBody('note=control%253D1', null))).toMatchObject({ path: 'body.note:control' });
    expect(caught(() => assertNoSecretsInBody('note=%25E0%25A4%25A;control%3D1', null))).toMatchObject({ path: 'body.note:\ufffd%A;control' });
  });
  it('`;`-separated pairs inside a value, one level down', () => {
    expect(caught(() => assertNoSecretsInUrl(new URL('https://x.example/?next=a%3D1%3Bcontrol%3D2')))).toMatchObject({ path: 'url?next:control' });
  });
  it('values are read as pairs one level down only, so a long run of "=" is no deep recursion', () => {
    expect(() => assertNoSecretsInBody(`a${'='.repeat(200_000)}`, null)).not.toThrow();
  });
  it('only a JSON media type gets the JSON reader; a BOM is dropped before parsing, keeping the nested path', () => {
    expect(caught(() => assertNoSecretsInBody('control=1', 'application/jsonlines'))).toMatchObject({ path: 'body.control' });
    expect(caught(() => assertNoSecretsInBody('\ufeff{"order":{"control":1}}', 'application/json'))).toMatchObject({ path: 'body.order.control' });
  });
});

describe('secrets guard: the JSON fallbacks', () => {
  it('a JSON-typed body that does not parse is read as pairs too, named under the body', () => {
    expect(caught(() => assertNoSecretsInBody('a=1&control=1', 'application/json'))).toMatchObject({ path: 'body.control' });
  });
  it('a body of another type gets no "name": scan: a form decoder reads a="control":1 as a value', () => {
    expect(() => assertNoSecretsInBody('a="control":1', 'text/plain')).not.toThrow();
    expect(() => assertNoSecretsInBody('a="control":1', 'application/x-www-form-urlencoded')).not.toThrow();
  });
});
