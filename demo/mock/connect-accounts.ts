// The mock platform's stored cards (tokens), and the accounts on file the Client API shows for them.
// - A session created with `tokens` ("List of previously stored tokens linked to the customer that
//   wants to checkout … the previously stored details can easily be re-used by the consumer",
//   specs/connect-create-session.txt:8 and :50–52) gets those tokens' accounts on file.
// - Their shape is `AccountOnFileJSON` of Worldline's connect-sdk-client-js 6.0.5
//   (src/types/payment-product.ts l. 206–221): `id`, `paymentProductId`, `attributes` [{ key, value,
//   status, mustWriteReason? }], `displayHints` { labelTemplate [{ attributeKey, mask }], logo }; on
//   each product (`BasicPaymentProductJSON.accountsOnFile`, l. 140).
// - Attribute keys are the product's field ids: the SDK looks a field's stored value up by the
//   field's id (src/PaymentRequest.ts, `validate`: `aof.getAttribute(field.id)`); a label template
//   names `cardNumber` with a mask as in the SDK's own test (src/__tests__/unit/AccountOnFileDisplayHints.test.ts).
// - No CVV is stored: "CVV values can't be tokenized as they are not allowed to be stored at all"
//   (Connect API reference, Tokens › Get token), so the customer types it for each payment.

/** A stored card: what the platform keeps behind a token. */
export interface StoredCard {
  readonly accountOnFileId: number;
  readonly paymentProductId: number;
  readonly cardNumber: string;
  readonly expiryDate: string;
  readonly cardholderName: string;
}

/** The demo customer's tokens (the demo page names them when it asks for a session). */
export const STORED_CARDS: Readonly<Record<string, StoredCard>> = {
  // Frictionless, like the card 4111 1111 1111 1111 typed in.
  'demo-token-visa-1111': { accountOnFileId: 1001, paymentProductId: 1, cardNumber: '4111111111111111', expiryDate: '1230', cardholderName: 'Ada Lovelace' },
  // Asks for a 3-D Secure challenge, like the card 4000 0000 0000 1091 typed in.
  'demo-token-visa-1091': { accountOnFileId: 1002, paymentProductId: 1, cardNumber: '4000000000001091', expiryDate: '0531', cardholderName: 'Ada Lovelace' },
  // A Mastercard whose stored expiry date has passed: the customer types a new one.
  'demo-token-mc-4444': { accountOnFileId: 1003, paymentProductId: 3, cardNumber: '5555555555554444', expiryDate: '0124', cardholderName: 'Ada Lovelace' },
};

/** An `MMYY` date before this month (a stored card's expiry that must be typed again). */
const passed = (mmyy: string, now = new Date()) => 2000 + Number(mmyy.slice(2)) < now.getFullYear() || (2000 + Number(mmyy.slice(2)) === now.getFullYear() && Number(mmyy.slice(0, 2)) < now.getMonth() + 1);

/** The session's stored cards: its tokens that the platform knows. */
export function storedCards(tokens: readonly string[] = []): StoredCard[] {
  return tokens.flatMap((token) => (Object.hasOwn(STORED_CARDS, token) ? [STORED_CARDS[token]!] : []));
}

/** The account on file the Client API shows for `card`: the number masked, the name changeable. */
export function accountOnFile(card: StoredCard) {
  return {
    id: card.accountOnFileId,
    paymentProductId: card.paymentProductId,
    attributes: [
      { key: 'cardNumber', value: `${'*'.repeat(card.cardNumber.length - 4)}${card.cardNumber.slice(-4)}`, status: 'READ_ONLY' },
      // An expiry date that has passed must be written again (`MUST_WRITE`). The SDK's attribute type
      // carries a `mustWriteReason` (l. 214) but no list of its values: 'IN_THE_PAST' is the mock's word.
      passed(card.expiryDate) ? { key: 'expiryDate', value: card.expiryDate, status: 'MUST_WRITE', mustWriteReason: 'IN_THE_PAST' } : { key: 'expiryDate', value: card.expiryDate, status: 'READ_ONLY' },
      { key: 'cardholderName', value: card.cardholderName, status: 'CAN_WRITE' },
    ],
    displayHints: {
      labelTemplate: [{ attributeKey: 'cardNumber', mask: '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}' }],
      logo: `logos/pp_logo_${card.paymentProductId}.svg`,
    },
  };
}
