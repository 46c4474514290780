import { ForbiddenError, saspHandlers } from 'baton-sdk/server';

/** From your environment (never from a request). */
export interface SaspEnv {
  SECTIGO_LOGIN_NAME: string;
  SECTIGO_LOGIN_PASSWORD: string;
}
/** Your own records: does the signed-in customer own this order? */
export type OwnsOrder = (request: Request, orderNumber: string) => Promise<boolean>;

export function saspApp(env: SaspEnv, ownsOrder: OwnsOrder): (request: Request) => Promise<Response> {
  const sasp = saspHandlers({
    loginName: env.SECTIGO_LOGIN_NAME,
    loginPassword: env.SECTIGO_LOGIN_PASSWORD,
    // Required: runs before every call to Sectigo.
    authorize: async (request, orderNumber) => {
      if (!(await ownsOrder(request, orderNumber))) throw new ForbiddenError();
    },
    // store: a shared BatonStore (Redis, KV) when you run more than one instance.
  });
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    '/api/sectigo/session': sasp.session,
    '/api/sectigo/status': sasp.status,
    '/api/sectigo/action': sasp.action,
  };
  return async (request) => (await routes[new URL(request.url).pathname]?.(request)) ?? new Response('Not found', { status: 404 });
}
// Express: app.use(createServerAdapter(handle)); // @whatwg-node/server
