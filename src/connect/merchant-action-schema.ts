// What the merchant server relays from `POST /v1/{merchantId}/payments`: the answer's
// `merchantAction`. Shapes from Worldline's own server SDK models (connect-sdk-nodejs 7.0.0,
// src/v1/model/domain/index.ts: `CreatePaymentResult` l. 787, `MerchantAction` l. 1646,
// `RedirectDataBase` l. 2267, `KeyValuePair` l. 1439, `ThirdPartyData` l. 2620,
// `PaymentProduct863ThirdPartyData` l. 2019). Every field there is optional and nullable: null
// reads as absent here. Built when called: a module-level schema is a call every bundle of
// `baton-sdk/connect` would keep, used or not.
import * as v from 'valibot';
import type { PaymentProductField } from './product-types.js';
import { list, shape, text as string } from '../core/options.js';
import { PaymentProductFieldSchema, absent as orAbsent } from './schemas.js';

export { orAbsent };
// `shape` and `text` rather than `v.looseObject` and `v.string`: two valibot functions fewer in the bundle.
const text = () => orAbsent(string());

/** `KeyValuePair`: one line of `showData` (bank-transfer details, a QR code, …). */
const keyValuePairSchema = () => shape({ key: text(), value: text() });

export const merchantActionSchema = () =>
  shape({
    actionType: string(),
    redirectData: orAbsent(shape({ redirectURL: text(), RETURNMAC: text() })),
    showData: orAbsent(list(keyValuePairSchema())),
    formFields: orAbsent(list(PaymentProductFieldSchema)),
    renderingData: text(),
    thirdPartyData: orAbsent(shape({})),
    mobileThreeDSecureChallengeParameters: orAbsent(shape({})),
  });

// The public types are plain interfaces (no valibot type is published);
// test/unit/connect/types.test.ts checks that they are exactly what the schema reads.

/** Where to send the customer (`RedirectData`), for `actionType` `REDIRECT`. */
export interface RedirectData {
  /** The URL to send the customer to (Baton checks it before it navigates). */
  redirectURL?: string;
  /** A value to keep on your server and compare on the return (Hosted Checkout's `RETURNMAC`). */
  RETURNMAC?: string;
}

/** A `merchantAction` as Worldline's models describe it (`MerchantAction`). */
export interface MerchantAction {
  /** `REDIRECT`, `SHOW_FORM`, `SHOW_INSTRUCTIONS`, `SHOW_TRANSACTION_RESULTS`, `MOBILE_THREEDS_CHALLENGE`, `CALL_THIRD_PARTY`, or `NONE`. */
  actionType: string;
  redirectData?: RedirectData;
  /** What to show the customer (bank-transfer details, a QR code, …). */
  showData?: readonly KeyValuePair[];
  /** Fields to ask the customer for (`SHOW_FORM`). */
  formFields?: readonly PaymentProductField[];
  /** Data for a native SDK (not used in the browser). */
  renderingData?: string;
  thirdPartyData?: {};
  mobileThreeDSecureChallengeParameters?: {};
}

/** One `showData` entry. */
export interface KeyValuePair {
  key?: string;
  value?: string;
}

/** The create-payment answer (`CreatePaymentResponse`), or the part of it Baton reads. */
export interface CreatePaymentAnswer {
  readonly merchantAction?: unknown;
  readonly payment?: unknown;
  readonly creationOutput?: unknown;
}
