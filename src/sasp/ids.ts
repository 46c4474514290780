// What Baton sends on to Sectigo, read strictly: session handles, order numbers, the pages
// another site redirects to.
import * as v from 'valibot';
import { convert, matching, text } from '../core/options.js';
import { textish } from '../core/schemas.js';

/** An absolute http(s) URL as text (a form field another site redirects to). */
export const httpUrlText = v.pipe(text(), matching(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an absolute http(s) URL'));

/** A SASP session handle: up to 16 characters, no whitespace or separators. */
export const sidSchema = v.pipe(
  text('SID must be a string'),
  convert((sid) => sid.trim()),
  v.custom<string>(
    (sid) => /^[\w.~-]{1,16}$/.test(sid as string),
    ({ input }) => (!input ? 'SID is empty' : (input as string).length > 16 ? 'SID is longer than 16 characters' : 'SID may hold only letters, digits and . _ ~ -'),
  ),
);

/**
 * An order number: up to 128 characters, letters allowed (Sectigo's current docs; our v1.00
 * document said 64); numbers are accepted and turned into text.
 */
export const orderNumberSchema = v.pipe(
  textish,
  convert((orderNumber) => orderNumber.trim()),
  v.custom<string>(
    (orderNumber) => /^.{1,128}$/s.test(orderNumber as string),
    ({ input }) => (input ? 'orderNumber is longer than 128 characters' : 'orderNumber is empty'),
  ),
);
