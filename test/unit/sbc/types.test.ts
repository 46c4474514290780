// SBC's public types are plain TypeScript, checked against the schemas that read the answers:
// change one without the other and `npm run typecheck` fails.
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, type FinalStatus, type OrderStatusAnswer } from '../../../src/sbc/index.js';
import type { StatusAnswerSchema } from '../../../src/sbc/schemas.js';
import type { Equal, Expect } from '../../helpers/type-equal.js';

// An answer with an index signature: each side takes the other (the same fields, each of the same type).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaAgreement = [
  Expect<Same<OrderStatusAnswer, v.InferOutput<typeof StatusAnswerSchema>>>,
  Expect<Equal<OrderStatusAnswer['status'], string>>,
  // FINAL_STATUSES keeps its values in its type.
  Expect<Equal<(typeof FINAL_STATUSES)[number], FinalStatus>>,
  Expect<Equal<typeof FINAL_STATUSES, readonly ['approved', 'declined', 'filtered', 'error']>>,
];

describe('FINAL_STATUSES', () => {
  it('lists the four final statuses', () => {
    expect(FINAL_STATUSES).toStrictEqual(['approved', 'declined', 'filtered', 'error']);
  });
});
