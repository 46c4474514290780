// The status type names what Baton documents, without an index signature: a misspelt field is a
// compile error (`npm run typecheck` fails on an unused @ts-expect-error); unknown fields are in `raw`.
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Documented } from '../../../src/core/documented.js';
import { parseStatusResponse, type LooseSection, type PostPaymentStatus } from '../../../src/sasp/index.js';
import type { LooseSectionSchema, PostPaymentDataSchema } from '../../../src/sasp/schemas.js';
import example from '../../fixtures/sasp-status.json';
import type { Equal, Expect } from '../../helpers/type-equal.js';

// The public interfaces are exactly what the schemas read, nested sections included (`raw` is
// attached beside): change one without the other and typecheck fails.
type Read<S extends v.GenericSchema> = Documented<v.InferOutput<S>>;
export type SchemaAgreement = [
  Expect<Equal<Omit<PostPaymentStatus, 'raw'>, Read<typeof PostPaymentDataSchema>>>,
  Expect<Equal<LooseSection, Read<typeof LooseSectionSchema>>>,
];

export function misspelt(status: PostPaymentStatus): unknown[] {
  return [
    // @ts-expect-error `statuss` is not a field of DcvStatus
    status.dcvStatus?.statuss,
    // @ts-expect-error nor `orderStatuss` of the status
    status.orderStatuss,
    // @ts-expect-error nested objects have no index signature either
    status.dcvStatus?.domains?.[0]?.domainNam,
    status.dcvStatus?.status,
    status.raw,
  ];
}

describe('PostPaymentStatus', () => {
  it('keeps fields Baton does not document in raw', () => {
    const body = JSON.parse(JSON.stringify(example)) as { data: Record<string, unknown> };
    body.data.someFutureField = { status: 'Completed' };
    const status = parseStatusResponse(JSON.stringify(body));
    expect((status.raw as Record<string, unknown>).someFutureField).toStrictEqual({ status: 'Completed' });
  });

  it('carries raw as Connect results do: not enumerable, so spreads, JSON and section walks skip it', () => {
    const body = JSON.parse(JSON.stringify(example)) as { data: Record<string, unknown> };
    // An answer field named `raw` is replaced by the answer, and stays hidden too.
    body.data.raw = { status: 'Completed', title: 'not a section' };
    const status = parseStatusResponse(JSON.stringify(body));
    expect(status.raw).toStrictEqual(body.data);
    expect(Object.keys(status)).not.toContain('raw');
    expect(JSON.parse(JSON.stringify(status))).not.toHaveProperty('raw');
    expect({ ...status }).not.toHaveProperty('raw');
    expect(() => Object.assign(status, { raw: 'changed' })).toThrow(TypeError);
  });
});
