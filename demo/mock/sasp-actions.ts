// Mock of Sectigo's reseller actions that `renderStatus` can ask the merchant server for:
// `!AutoUpdateDCV` and `!ResendDCVEmail` (docs.sectigo.com/sps/auto-update-dcv/request,
// docs.sectigo.com/sps/resend-dcv-email/request): POST, urlencoded, login required; answers
// urlencoded `errorCode=0`, or `errorCode=<negative>&errorMessage=…`.
import type { MockContext, Route } from './route.js';
import { json, urlencoded, type MockRequest } from './http.js';

const METHODS = ['EMAIL', 'HTTP_CSR_HASH', 'HTTPS_CSR_HASH', 'CNAME_CSR_HASH'];

export function saspActionRoutes(ctx: MockContext): Route[] {
  const calls: Array<{ api: string; fields: Record<string, string> }> = [];
  async function common(req: MockRequest): Promise<Map<string, string> | ReturnType<typeof urlencoded>> {
    if (req.method !== 'POST') return urlencoded({ errorCode: '-17', errorMessage: 'Request used GET rather than POST!' });
    const form = new Map<string, string>();
    for (const [key, value] of await req.formData()) if (typeof value === 'string') form.set(key.toLowerCase(), value); // names are case insensitive
    if (form.get('loginname') !== ctx.secrets.sectigo.loginName || form.get('loginpassword') !== ctx.secrets.sectigo.loginPassword) {
      return urlencoded({ errorCode: '-16', errorMessage: 'Permission denied!' });
    }
    if (!form.get('ordernumber')) return urlencoded({ errorCode: '-3', errorMessage: "The 'orderNumber' argument is missing!" });
    return form;
  }
  const record = (api: string, form: Map<string, string>) => calls.push({ api, fields: Object.fromEntries([...form].filter(([k]) => k !== 'loginpassword')) });
  return [
    {
      method: '*',
      path: '/sectigo/products/!AutoUpdateDCV',
      server: 'sectigo',
      cors: false,
      handle: async (req) => {
        const form = await common(req);
        if (!(form instanceof Map)) return form;
        const method = form.get('newmethod') ?? '';
        if (!METHODS.includes(method)) return urlencoded({ errorCode: '-4', errorMessage: "The value of the 'newMethod' argument is invalid!" });
        if (method === 'EMAIL' && !form.get('newdcvemailaddress')) return urlencoded({ errorCode: '-3', errorMessage: "The 'newDCVEmailAddress' argument is missing!" });
        record('!AutoUpdateDCV', form);
        return urlencoded({ errorCode: '0' });
      },
    },
    {
      method: '*',
      path: '/sectigo/products/!ResendDCVEmail',
      server: 'sectigo',
      cors: false,
      handle: async (req) => {
        const form = await common(req);
        if (!(form instanceof Map)) return form;
        record('!ResendDCVEmail', form);
        return urlencoded({ errorCode: '0' });
      },
    },
    { method: 'GET', path: '/sectigo/__actions', handle: () => json(calls) },
  ];
}
