// The merchant server's shell: the one place that holds secrets. Each provider's merchant-side
// routes live beside its mock under `/merchant/<provider>/…`; this answers what the demo shows.
import type { MockContext, Route } from './route.js';
import { json } from './http.js';
import { fields, statusAnswer } from './sasp.js';

export function merchantRoutes(ctx: MockContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/merchant/secrets-held',
      server: 'merchant',
      // Names only: the point of the demo is that the values never leave this server.
      handle: () =>
        json(Object.entries(ctx.secrets).flatMap(([provider, held]) => Object.keys(held).map((field) => `${provider}.${field}`))),
    },
    {
      // The Sectigo status relay (`sasp.getPostPaymentStatus({ relay })`): the browser sends only
      // orderNumber (+ certificateID); this server adds the reseller login, which Sectigo's current
      // docs require and specs/sasp-get-post-payment-status.txt:24-25 documents, calls
      // !getPostPaymentStatus and answers its JSON unchanged. A real relay must first check that
      // the signed-in customer owns the order; the demo has no customers.
      method: 'POST',
      path: '/merchant/sasp/status',
      server: 'merchant',
      handle: async (req) => {
        const input = await fields(req);
        const form = new Map([
          ['loginname', ctx.secrets.sectigo.loginName],
          ['loginpassword', ctx.secrets.sectigo.loginPassword],
          ['ordernumber', input.get('ordernumber') ?? ''],
        ]);
        const certificateID = input.get('certificateid');
        if (certificateID !== undefined) form.set('certificateid', certificateID);
        const answer = statusAnswer(ctx, 'POST', form);
        ctx.log.add({
          server: 'sectigo',
          method: 'POST',
          path: '/sectigo/products/!getPostPaymentStatus',
          status: 200,
          fields: Object.fromEntries([...form].map(([key, value]) => [{ loginname: 'loginName', loginpassword: 'loginPassword', ordernumber: 'orderNumber', certificateid: 'certificateID' }[key] ?? key, value])),
          note: 'server to server, from the merchant server (status relay)',
        });
        return json(answer);
      },
    },
  ];
}
