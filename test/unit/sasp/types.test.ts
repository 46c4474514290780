// The status type names what Baton documents, without an index signature: a misspelt field is a
// compile error (`npm run typecheck` fails on an unused @ts-expect-error); unknown fields are in `raw`.
import { describe, expect, it } from 'vitest';
import { parseStatusResponse, type PostPaymentStatus } from '../../../src/sasp/index.js';
import example from '../../fixtures/sasp-status.json';

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
});
