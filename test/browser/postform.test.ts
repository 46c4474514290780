import { describe, expect, it, vi } from 'vitest';
import { postForm } from '../../src/core/navigate.js';

const policy = { allowedHosts: ['pay.example.com'] };
let n = 0;
describe('postForm: a field named like a form member (real Chromium)', () => {
  for (const name of ['submit', 'append', 'remove']) {
    it(`a field named "${name}" posts once and leaves no form behind`, () => {
      const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
      let error: unknown;
      try { postForm(`https://pay.example.com/f/${++n}`, { a: '1', [name]: 'x', b: '2' }, policy); } catch (e) { error = e; }
      const left = document.querySelectorAll('form').length;
      const calls = submit.mock.calls.length;
      submit.mockRestore();
      expect(error).toBeUndefined();
      expect([calls, left]).toStrictEqual([1, 0]);
    });
  }
});
