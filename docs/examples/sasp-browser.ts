import { getPostPaymentStatus, openPostPayment, parseSessionResponse, renderStatus } from 'baton-sdk/sasp';

declare const container: HTMLElement;
declare const orderNumber: string;

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });

// Open Sectigo's hosted post-payment page with a session your server minted.
export async function openHostedPage(): Promise<void> {
  const { sid, orderNumber: current } = parseSessionResponse(await (await fetch('/api/sectigo/session', form({ orderNumber }))).text());
  openPostPayment({ sid, orderNumber: current ?? orderNumber });
}

// Or show the status on your page; DCV actions go to your server.
export async function showStatus(): Promise<void> {
  const status = await getPostPaymentStatus({ relay: '/api/sectigo/status', orderNumber });
  renderStatus(container, status, {
    onAction: async ({ action, domainName, method, option }) => {
      const fields = { orderNumber, action, domainName: domainName ?? '', method: method ?? '', option: option ?? '' };
      return (await fetch('/api/sectigo/action', form(fields))).json();
    },
  });
}
