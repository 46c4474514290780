import { awaitFinalStatus, readReturnOrderId, startHostedForm } from 'baton-sdk/sbc';

// The checkout page: your server signs the order and relays the gateway's answer.
export async function pay(): Promise<void> {
  await startHostedForm({ url: '/api/sbc/preauth', body: { amountCentis: 1042, currency: 'EUR' } });
}

// The return page (/sbc-return.html?orderId=…): the order reference is untrusted; the status is the server's.
export async function showResult(): Promise<string> {
  const { orderId } = readReturnOrderId();
  const { status } = await awaitFinalStatus({ statusUrl: '/api/sbc/status', orderId });
  return status; // 'approved' | 'declined' | 'filtered' | 'error'
}
