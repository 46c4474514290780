import { createClientSession, handleMerchantAction } from 'baton-sdk/connect';

declare const values: Record<string, string>; // what the customer typed, from your form
declare const next: HTMLElement; // where a form or instructions are shown

const post = async (url: string, body: unknown) =>
  (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

const session = createClientSession(await post('/api/connect/session', {}));
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };
const product = await session.getPaymentProduct(1, context);
const encryptedCustomerInput = await session.encrypt({ paymentProductId: 1, product, values });
// Connect's answer, relayed without RETURNMAC: 3-D Secure redirect, a form, instructions, or nothing to do.
export const done = await handleMerchantAction(await post('/api/connect/payment', { encryptedCustomerInput }), { container: next });
