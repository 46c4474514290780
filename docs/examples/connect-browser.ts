import { createClientSession } from 'baton-sdk/connect';

declare const values: Record<string, string>; // what the customer typed, from your form

const post = async (url: string, body: unknown) =>
  (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

const session = createClientSession(await post('/api/connect/session', {}));
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };
const product = await session.getPaymentProduct(1, context);
const encryptedCustomerInput = await session.encrypt({ paymentProductId: 1, product, values });
// { payment, merchantAction }: hand merchantAction to the browser's handleMerchantAction.
export const answer = await post('/api/connect/payment', { encryptedCustomerInput });
