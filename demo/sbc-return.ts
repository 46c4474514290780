// The return page: reads only an order reference from the URL (untrusted) and shows the status
// the merchant server reports. A `?status=approved` in the URL changes nothing.
import { awaitFinalStatus, readReturnOrderId, BatonError } from 'baton-sdk/sbc';

const orderOut = document.getElementById('sbc-return-order')!;
const statusOut = document.getElementById('sbc-return-status')!;

try {
  const { orderId } = readReturnOrderId();
  orderOut.textContent = orderId;
  statusOut.textContent = 'asking the merchant server…';
  // The documented schedule (3–5 s, then 5–10 min, up to an hour); pauses while the tab is hidden.
  awaitFinalStatus({
    statusUrl: '/merchant/sbc/status',
    orderId,
    onProgress: (answer) => (statusOut.textContent = `${answer.status} (still asking)`),
  })
    .then(({ status }) => {
      statusOut.textContent = status;
      statusOut.dataset.final = status;
    })
    .catch((error: unknown) => {
      statusOut.textContent = error instanceof BatonError ? `${error.name}: ${error.message}` : String(error);
    });
} catch (error) {
  orderOut.textContent = error instanceof BatonError ? `${error.name}: ${error.message}` : String(error);
  statusOut.textContent = 'unknown';
}
