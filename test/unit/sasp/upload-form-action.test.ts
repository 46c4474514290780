// @vitest-environment happy-dom
import userEvent from '@testing-library/user-event';
import { getByLabelText, getByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretError } from '../../../src/core/errors.js';
import { mountUploadForm } from '../../../src/sasp/index.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${b64({ alg: 'HS256' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
afterEach(() => vi.restoreAllMocks());

describe('B6 upload form (frame/page transport): a secret in the action URL is never posted', () => {
  for (const transport of ['frame', 'page'] as const) {
    it(`${transport}: ?loginPassword= on the action is refused, at mount or at submit`, async () => {
      const posted: string[] = [];
      vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) { posted.push(this.action); });
      const container = document.createElement('div');
      document.body.append(container);
      // Refused at mount (the option carries a secret) …
      expect(() => mountUploadForm(container, { url: 'https://avspartners.sectigolabs.com/upload?loginPassword=hunter2', token, transport })).toThrow(SecretError);
      // … or at submit, when the action is changed after mount.
      const form = mountUploadForm(container, { url: 'https://avspartners.sectigolabs.com/upload', token, transport, timeoutMs: 50 });
      form.action = 'https://avspartners.sectigolabs.com/upload?loginPassword=hunter2';
      const user = userEvent.setup();
      await user.upload(getByLabelText(form, /Documents/) as HTMLInputElement, new File(['x'], 'a.pdf'));
      await user.click(getByRole(form, 'button', { name: 'Upload' }));
      await new Promise((r) => setTimeout(r, 100));
      expect(posted).toStrictEqual([]);
    });
  }
});
