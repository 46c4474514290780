// The merchant server's shell: the one place that holds secrets. Each provider's merchant-side
// routes live beside its mock under `/merchant/<provider>/…`; this answers what the demo shows.
import type { MockContext, Route } from './route.js';
import { json } from './http.js';

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
    // The provider relays (Sectigo, SBC, Connect sessions) are demo/mock/merchant-server.ts, built on baton-sdk/server.
  ];
}
