// The Connect return page: reads what Worldline appended (untrusted), hands it to the merchant
// server (which compares RETURNMAC and asks Worldline) and shows the status that server answers.
import { awaitPaymentStatus, readConnectReturn, BatonError } from 'baton-sdk/connect';

const refOut = document.getElementById('connect-return-ref')!;
const statusOut = document.getElementById('connect-return-status')!;
const describe = (error: unknown) => (error instanceof BatonError ? `${error.name}: ${error.message}` : String(error));

try {
  const returned = readConnectReturn();
  refOut.textContent = returned.hostedCheckoutId ?? returned.REF ?? returned.paymentId ?? '(none)';
  statusOut.textContent = 'asking the merchant server…';
  awaitPaymentStatus({
    statusUrl: '/merchant/connect/status',
    returned,
    intervalMs: 1000,
    onProgress: (outcome) => (statusOut.textContent = `${outcome.status ?? outcome.hostedCheckoutStatus} (still asking)`),
  })
    .then((outcome) => {
      const text = [outcome.hostedCheckoutStatus, outcome.status, outcome.statusCategory].filter(Boolean).join(' / ');
      statusOut.textContent = text;
      statusOut.dataset.final = outcome.statusCategory ?? outcome.hostedCheckoutStatus ?? '';
    })
    .catch((error: unknown) => (statusOut.textContent = describe(error)));
} catch (error) {
  refOut.textContent = describe(error);
  statusOut.textContent = 'unknown';
}
