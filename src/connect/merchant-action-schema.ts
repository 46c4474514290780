// What the merchant server relays from `POST /v1/{merchantId}/payments`: the answer's
// `merchantAction`. Shapes from Worldline's own server SDK models (connect-sdk-nodejs 7.0.0,
// src/v1/model/domain/index.ts: `CreatePaymentResult` l. 787, `MerchantAction` l. 1646,
// `RedirectDataBase` l. 2267, `KeyValuePair` l. 1439, `ThirdPartyData` l. 2620,
// `PaymentProduct863ThirdPartyData` l. 2019). Every field there is optional and nullable: null
// reads as absent here. Built when called: a module-level schema is a call every bundle of
// `baton-sdk/connect` would keep, used or not.
import * as v from 'valibot';
import { shape } from '../core/options.js';
import type { Documented } from '../core/documented.js';
import { PaymentProductFieldSchema } from './schemas.js';

export const orAbsent = <S extends v.GenericSchema>(schema: S) =>
  v.optional(v.pipe(v.custom<unknown>(() => true), v.transform((value) => value ?? undefined), v.optional(schema)));
const text = () => orAbsent(v.string());

/** `KeyValuePair`: one line of `showData` (bank-transfer details, a QR code, …). */
const keyValuePairSchema = () => shape({ key: text(), value: text() });

export const merchantActionSchema = () =>
  shape({
    actionType: v.string('must be a string'),
    redirectData: orAbsent(shape({ redirectURL: text(), RETURNMAC: text() })),
    showData: orAbsent(v.array(keyValuePairSchema())),
    formFields: orAbsent(v.array(PaymentProductFieldSchema)),
    renderingData: text(),
    thirdPartyData: orAbsent(shape({})),
    mobileThreeDSecureChallengeParameters: orAbsent(shape({})),
  });

/** A `merchantAction` as Worldline's models describe it (`MerchantAction`). */
export interface MerchantAction extends Documented<v.InferOutput<ReturnType<typeof merchantActionSchema>>> {}
/** One `showData` entry. */
export interface KeyValuePair extends Documented<v.InferOutput<ReturnType<typeof keyValuePairSchema>>> {}

/** The create-payment answer (`CreatePaymentResponse`), or the part of it Baton reads. */
export interface CreatePaymentAnswer {
  readonly merchantAction?: unknown;
  readonly payment?: unknown;
  readonly creationOutput?: unknown;
}
