// @vitest-environment happy-dom
// The frame transport of the upload form: which frame the post goes to, and how its landing reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { elementFactory } from '../../../src/core/element.js';
import { landingOutcome } from '../../../src/sasp/upload-frame.js';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the landing is told apart exactly (issue 23)', () => {
  const pairs: Array<[string, string, string, string]> = [
    // successURL, errorURL, landing on success, landing on error
    ['https://shop.example/back?r=ok', 'https://shop.example/back?r=err', 'https://shop.example/back?r=ok', 'https://shop.example/back?r=err&errorCode=7'],
    ['https://shop.example/back#ok', 'https://shop.example/back#err', 'https://shop.example/back#ok', 'https://shop.example/back#err'],
    ['https://shop.example/back', 'https://shop.example/back?failed=1', 'https://shop.example/back', 'https://shop.example/back?failed=1&reason=x'],
    ['https://shop.example/back?failed=0', 'https://shop.example/back', 'https://shop.example/back?failed=0', 'https://shop.example/back?errorCode=3'],
    ['https://shop.example/back', 'https://shop.example/back#failed', 'https://shop.example/back?id=1', 'https://shop.example/back#failed'],
  ];
  for (const [successURL, errorURL, success, failure] of pairs) {
    it(`${successURL} / ${errorURL}`, () => {
      expect(landingOutcome(success, { successURL, errorURL })).toMatchObject({ kind: 'done', result: { url: success } });
      expect(landingOutcome(failure, { successURL, errorURL })).toMatchObject({ kind: 'failed' });
    });
  }

  it('successURL and errorURL that are the same page are refused when mounting', async () => {
    const { mountUploadForm, ValidationError } = await import('../../../src/sasp/index.js');
    const page = 'https://shop.example/back';
    expect(() => mountUploadForm(document.createElement('div'), { url: 'https://avspartners.sectigolabs.com/avs/ws/api/v002/order', token: 't', successURL: page, errorURL: page })).toThrow(ValidationError);
  });

  it('a page that fits neither is unconfirmed, never success', () => {
    const pages = { successURL: 'https://shop.example/back?r=ok', errorURL: 'https://shop.example/back?r=err' };
    expect(landingOutcome('https://shop.example/back', pages)).toMatchObject({ kind: 'unconfirmed' });
    expect(landingOutcome('https://shop.example/back?r=other', pages)).toMatchObject({ kind: 'unconfirmed' });
  });
});

describe('frame names are unique per page, not per copy of Baton (issue 23)', () => {
  /** The frame name a fresh copy of the module posts into. */
  async function postTarget(): Promise<string> {
    vi.resetModules();
    const { viaFrame } = await import('../../../src/sasp/upload-frame.js');
    const container = document.createElement('div');
    document.body.append(container);
    const form = document.createElement('form');
    container.append(form);
    let target = '';
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      target = this.target;
    });
    void viaFrame(form, elementFactory(container, 'test'), 60_000, {}).outcome;
    return target;
  }

  it('two copies of Baton never pick the same frame, nor one a foreign frame already holds', async () => {
    // A foreign frame holding the names a counter would give.
    for (const name of ['baton-sasp-upload-1', 'baton-sasp-upload-2']) document.body.append(Object.assign(document.createElement('iframe'), { name }));
    const first = await postTarget();
    const second = await postTarget();
    expect(first).not.toBe('');
    expect(first).not.toBe(second);
    expect(['baton-sasp-upload-1', 'baton-sasp-upload-2']).not.toContain(first);
    // Exactly one frame holds each name: the one Baton made.
    for (const name of [first, second]) expect(document.getElementsByName(name)).toHaveLength(1);
    // Not guessable: at least 96 random bits in the name.
    expect(first.replace('baton-sasp-upload-', '').replace(/-/g, '').length).toBeGreaterThanOrEqual(16);
  });
});
