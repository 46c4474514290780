// Public result types name what Baton documents, without an index signature: a misspelt field is a
// compile error (`npm run typecheck` fails on an unused @ts-expect-error), and unknown provider
// fields are reachable through `raw`.
import type * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Documented } from '../../../src/core/documented.js';
import {
  createClientSession,
  type AccountOnFile,
  type BasicPaymentProductGroups,
  type BasicPaymentProducts,
  type ConnectErrorDetails,
  type ConvertedAmount,
  type IinDetails,
  type MerchantAction,
  type PaymentContext,
  type PaymentProduct,
  type PaymentProductDirectory,
  type PaymentProductField,
  type PaymentProductGroup,
  type PaymentProductNetworks,
  type PrivacyPolicy,
  type PublicKey,
  type SessionResponse,
  type ThirdPartyStatus,
} from '../../../src/connect/index.js';
import type { merchantActionSchema } from '../../../src/connect/merchant-action-schema.js';
import type * as schemas from '../../../src/connect/schemas.js';
import type { Equal, Expect } from '../../helpers/type-equal.js';

// Each public interface is exactly what its schema reads (fields Baton documents, no index
// signature; `raw` is attached beside): change one without the other and typecheck fails.
type Read<S extends v.GenericSchema> = Documented<v.InferOutput<S>>;
type Answer<T> = Omit<T, 'raw'>;
// What the caller hands in, compared with what the schema gives back: the same fields, each of the
// same type (defaults make some optional to give).
type Settled<T> = { -readonly [K in keyof T]-?: T[K] };
export type SchemaAgreement = [
  Expect<Equal<Settled<SessionResponse>, Settled<Read<typeof schemas.SessionResponseSchema>>>>,
  Expect<Equal<PaymentContext, Read<typeof schemas.PaymentContextSchema>>>,
  Expect<Equal<Omit<ConnectErrorDetails, 'httpStatus'>, Read<typeof schemas.ErrorResponseSchema>>>,
  Expect<Equal<AccountOnFile, Read<typeof schemas.AccountOnFileSchema>>>,
  Expect<Equal<Answer<BasicPaymentProducts>, Read<typeof schemas.BasicPaymentProductsSchema>>>,
  Expect<Equal<Answer<BasicPaymentProductGroups>, Read<typeof schemas.BasicPaymentProductGroupsSchema>>>,
  Expect<Equal<PaymentProductField, Read<typeof schemas.PaymentProductFieldSchema>>>,
  Expect<Equal<Answer<PaymentProduct>, Read<typeof schemas.PaymentProductSchema>>>,
  Expect<Equal<Answer<PaymentProductGroup>, Read<typeof schemas.PaymentProductGroupSchema>>>,
  Expect<Equal<Answer<IinDetails>, Read<typeof schemas.IinDetailsSchema>>>,
  Expect<Equal<Answer<PublicKey>, Read<typeof schemas.PublicKeySchema>>>,
  Expect<Equal<Answer<PaymentProductNetworks>, Read<typeof schemas.NetworksSchema>>>,
  Expect<Equal<Answer<PaymentProductDirectory>, Read<typeof schemas.DirectorySchema>>>,
  Expect<Equal<Answer<ConvertedAmount>, Read<typeof schemas.ConvertAmountSchema>>>,
  Expect<Equal<Answer<ThirdPartyStatus>, Read<typeof schemas.ThirdPartyStatusSchema>>>,
  Expect<Equal<Answer<PrivacyPolicy>, Read<typeof schemas.PrivacyPolicySchema>>>,
  Expect<Equal<MerchantAction, Read<ReturnType<typeof merchantActionSchema>>>>,
];
// The check itself can fail: a field typed otherwise is told apart.
export type CheckCanFail = Expect<Equal<false, Equal<PublicKey, Omit<PublicKey, 'keyId'> & { keyId?: string }>>>;

afterEach(() => vi.restoreAllMocks());

export function misspelt(product: PaymentProduct, iin: IinDetails): unknown[] {
  return [
    // @ts-expect-error `fieldz` is not a field of PaymentProduct
    product.fieldz,
    // @ts-expect-error `displayHints.labell` does not exist
    product.displayHints?.labell,
    // @ts-expect-error nested objects have no index signature either
    product.fields[0]?.dataRestrictions.validators.lunh,
    // @ts-expect-error
    iin.isAllowedInContex,
    product.fields[0]?.displayHints?.tooltip?.label,
    iin.raw,
  ];
}

describe('Client API results', () => {
  it('carry the answer as received in a non-enumerable raw, unknown fields included', async () => {
    const answer = { paymentProductId: 1, countryCode: 'NL', isAllowedInContext: true, coBrands: [], newPlatformField: { x: 1 } };
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(answer)));
    const session = createClientSession({
      clientSessionId: 'c1',
      customerId: 'cu1',
      clientApiUrl: 'https://ams1.api-ingenico.com/client',
      assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/',
    });
    const result = await session.getIinDetails('411111', { countryCode: 'NL', currencyCode: 'EUR', amount: 100, isRecurring: false });
    if (result.status !== 'SUPPORTED') throw new Error(result.status);
    expect(result.details.raw).toStrictEqual(answer);
    expect(Object.keys(result.details)).not.toContain('raw');
    expect(JSON.parse(JSON.stringify(result.details))).not.toHaveProperty('raw');
  });
});
