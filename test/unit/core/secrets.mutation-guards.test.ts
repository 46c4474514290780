// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of the
// secrets guard that the other tests left open — the depth bound, how a body is read, and where
// a refusal says the secret was.
import { describe, expect, it } from 'vitest';
import { SecretError, ValidationError } from '../../../src/core/errors.js';
import { assertNoSecrets, assertNoSecretsInBody, assertNoSecretsInUrl } from '../../../src/core/secrets.js';
import { caught } from '../caught.js';


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
    expect(caught(() => assertNoSecretsInBody('{"control":"k"}', null, 'form'))).toMatchObject({ path: 'form.control' });
    const form = new FormData();
    form.append('file', 'x');
    form.append('control', 'k');
    expect(caught(() => assertNoSecretsInBody(form, null))).toMatchObject({ path: 'body.control' });
  });
});

describe('secrets guard: a body is read as the server will read it', () => {
  it('a body is read every way a server might read it, whatever its declared type', () => {
    // A value that looks like pairs, and JSON escapes in a urlencoded body: a lenient or
    // mislabelled receiver could read either as a name, so both are refused under every type.
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/x-www-form-urlencoded', null]) {
      expect(caught(() => assertNoSecretsInBody('{"note":"x&control=1"}', type)), String(type)).toMatchObject({ path: 'body.note:control' });
      expect(caught(() => assertNoSecretsInBody('{"\\u0063ontrol":1}', type)), String(type)).toMatchObject({ path: 'body.control' });
      expect(caught(() => assertNoSecretsInBody('\ufeff{"control":1,}', type)), String(type)).toMatchObject({ path: 'body.control' });
      expect(caught(() => assertNoSecretsInBody('--b\r\nContent-Disposition: form-data; name="merchant_control"\r\n\r\nk', type)), String(type)).toMatchObject({ path: 'body.merchant_control' });
      expect(() => assertNoSecretsInBody('{"note":"x&amount=1","signature":"abc=="}', type), String(type)).not.toThrow();
    }
  });
});
