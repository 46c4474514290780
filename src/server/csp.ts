// The payment page's Content-Security-Policy, from exactly the hosts Baton's browser half talks to
// or posts to. A unit test checks these lists against the browser constants (connect
// DEFAULT_ALLOWED_HOSTS, sasp SECTIGO_HOSTS and UPLOAD_HOSTS), so the two cannot drift.
import { ValidationError } from '../core/errors.js';

export type CspProvider = 'connect' | 'sasp' | 'sbc';

/** Hosts each provider's browser code calls (connect-src) or posts a form to (form-action). */
export const CSP_HOSTS: Readonly<Record<CspProvider, { readonly connect: readonly string[]; readonly form: readonly string[]; readonly img: readonly string[] }>> = {
  // The Client API and its assets (logos): connect DEFAULT_ALLOWED_HOSTS.
  connect: {
    connect: ['*.api-ingenico.com', '*.worldline-solutions.com', '*.globalcollect.com', '*.ingenico.com', '*.secured-by-ingenico.com'],
    form: [],
    img: ['*.api-ingenico.com', '*.worldline-solutions.com', '*.globalcollect.com', '*.ingenico.com', '*.secured-by-ingenico.com'],
  },
  // The direct status call (SECTIGO_HOSTS) and the document upload (UPLOAD_HOSTS), which the
  // upload form may also post as a plain HTML form.
  sasp: {
    connect: ['secure.sectigo.com', 'secure.trust-provider.com', '*.sectigolabs.com', '*.sectigo.com'],
    form: ['*.sectigolabs.com', '*.sectigo.com', 'secure.sectigo.com', 'secure.trust-provider.com'],
    img: [],
  },
  // The browser only talks to the merchant's own server; the hosted form is a top-level navigation.
  sbc: { connect: [], form: [], img: [] },
};

export interface ContentSecurityPolicyOptions {
  /** The providers the page uses. */
  readonly providers: readonly CspProvider[];
  /**
   * A reporting endpoint (absolute https URL, or a path on your origin). Adds `report-to baton-csp`
   * and `report-uri` (browsers without the Reporting API), and a `Reporting-Endpoints` header.
   */
  readonly reportTo?: string;
  /** Where Baton's script is served from besides `'self'` (a CDN origin, loaded with SRI). */
  readonly scriptHosts?: readonly string[];
  /** Trusted Types policy names your own page creates. Baton creates none (it writes text only). */
  readonly trustedTypesPolicies?: readonly string[];
}

/** A built policy: the header's value, and the headers to send with the page. */
export interface ContentSecurityPolicy {
  /** The `Content-Security-Policy` value. */
  readonly policy: string;
  /** `Content-Security-Policy` (and the reporting headers when asked), ready to spread into a response's headers. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Builds the payment page's CSP: `default-src 'none'`, scripts and styles from `'self'` (plus
 * `scriptHosts`), `connect-src`/`img-src`/`form-action` from exactly the providers' hosts, no
 * frames, no plugins, `base-uri 'none'`, and Trusted Types required.
 *
 * @example
 * const { headers } = contentSecurityPolicy({ providers: ['connect'], reportTo: '/csp-reports' });
 * return new Response(page, { headers: { 'content-type': 'text/html', ...headers } });
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions): ContentSecurityPolicy {
  const what = 'contentSecurityPolicy options';
  const providers = options?.providers;
  if (!Array.isArray(providers) || providers.some((p) => !Object.prototype.hasOwnProperty.call(CSP_HOSTS, p))) {
    throw new ValidationError(what, [{ path: 'providers', message: `expected a list of ${Object.keys(CSP_HOSTS).join(', ')}` }]);
  }
  const hosts = (kind: 'connect' | 'form' | 'img') => [...new Set(providers.flatMap((p: CspProvider) => CSP_HOSTS[p][kind]))].map((host) => `https://${host}`);
  const scriptHosts = (options.scriptHosts ?? []).map((host) => checkSource(host, what, 'scriptHosts'));
  const policies = (options.trustedTypesPolicies ?? []).map((name) => {
    if (!/^[A-Za-z0-9-#=_/@.%]+$/.test(name)) throw new ValidationError(what, [{ path: 'trustedTypesPolicies', message: 'expected policy names' }]);
    return name;
  });
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...scriptHosts],
    ['style-src', "'self'"],
    ['img-src', "'self'", ...hosts('img')],
    ['connect-src', "'self'", ...hosts('connect')],
    ['frame-src', "'none'"],
    ['form-action', "'self'", ...hosts('form')],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
    ['frame-ancestors', "'self'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', ...(policies.length ? policies : ["'none'"])],
  ];
  const headers: Record<string, string> = {};
  if (options.reportTo !== undefined) {
    const endpoint = checkReportTo(options.reportTo, what);
    directives.push(['report-uri', endpoint], ['report-to', 'baton-csp']);
    headers['reporting-endpoints'] = `baton-csp="${endpoint}"`;
  }
  const policy = directives.map((parts) => parts.join(' ')).join('; ');
  headers['content-security-policy'] = policy;
  return { policy, headers };
}

function checkSource(host: string, what: string, path: string): string {
  if (typeof host !== 'string' || !/^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
    throw new ValidationError(what, [{ path, message: 'expected https origins such as https://cdn.example.com' }]);
  }
  return host;
}

function checkReportTo(value: string, what: string): string {
  if (typeof value === 'string' && /^\/[^\s;,"]*$/.test(value)) return value;
  if (typeof value === 'string' && /^https:\/\/[^\s;,"]+$/.test(value)) return value;
  throw new ValidationError(what, [{ path: 'reportTo', message: 'expected an https URL or a path on your origin, without ; , " or spaces' }]);
}
