// What mountUploadForm takes and gives back.
import * as v from 'valibot';
import { convert, callback, flagOption, hostsOption, oneOf, optionsShape, text, timeoutOption, urlInput } from '../core/options.js';
import { httpUrlText } from './ids.js';
import type { UploadMessages } from './messages.js';

/**
 * How the upload form is sent.
 * - `'frame'` (default): the real form post, into a hidden frame. Needs no CORS. The frame's
 *   landing on `successURL` / `errorURL` (your own pages: give them on this page's origin) tells
 *   how it went; elsewhere, the form says the documents were sent but unconfirmed.
 * - `'page'`: the real form post in the page itself, which lands on `successURL` / `errorURL`.
 * - `'script'`: `uploadDocuments` (fetch; `byteProgress` for XHR). Only when the endpoint is
 *   known to allow this page's origin by CORS: Sectigo promises no CORS.
 */
export type UploadTransport = 'frame' | 'page' | 'script';

/** What `onSuccess` receives. */
export interface UploadFormResult {
  readonly transport: UploadTransport;
  /** The page the frame landed on (`successURL`), or the upload URL for `'script'`. */
  readonly url: string;
  /** The endpoint's answer (`'script'` only). */
  readonly status?: number;
  readonly body?: unknown;
}

export interface UploadFormOptions {
  /** `uploadDocumentUrl` from the status: the form's `action`. */
  readonly url: string | URL;
  /** `uploadDocumentToken` from the status. */
  readonly token: string;
  /** Your page for a successful upload (same origin as this page, for `'frame'` to confirm it). */
  readonly successURL?: string;
  /** Your page for a failed upload (same origin as this page, for `'frame'` to read it). */
  readonly errorURL?: string;
  /** Hosts `url` may be on. Default: Sectigo's upload hosts. */
  readonly allowedHosts?: readonly string[];
  /** Default `'frame'`. */
  readonly transport?: UploadTransport;
  /** With `'script'`: real byte progress by XHR, which follows redirects (see `uploadDocuments`). */
  readonly byteProgress?: boolean;
  /** How long to wait for an answer. Default 120 000 ms. */
  readonly timeoutMs?: number;
  /** Called after a confirmed upload (the form stays; nothing navigates). */
  readonly onSuccess?: (result: UploadFormResult) => void;
  /** Replaces some (or all) of `UPLOAD_MESSAGES`, e.g. `saspUpload` from `baton-sdk/locales/de`. */
  readonly messages?: Partial<UploadMessages>;
}

export const optionsSchema = optionsShape({
  url: urlInput(),
  token: v.pipe(text('token must be the uploadDocumentToken'), convert((token) => token.trim()), v.custom<string>((token) => token !== '', 'token is empty')),
  successURL: v.optional(httpUrlText),
  errorURL: v.optional(httpUrlText),
  allowedHosts: hostsOption,
  transport: v.optional(oneOf(['frame', 'page', 'script'] as const, "transport must be 'frame', 'page' or 'script'"), 'frame'),
  byteProgress: flagOption,
  timeoutMs: timeoutOption,
  onSuccess: v.optional(callback<(result: UploadFormResult) => void>()),
  messages: v.optional(v.custom<Partial<UploadMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
});
