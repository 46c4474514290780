/**
 * Baton's one error hierarchy. Subclasses say *what* went wrong, not where:
 * catch `BatonError` for everything, or a subclass for one kind of failure.
 */

/** The providers whose answers Baton reads. */
export type ProviderName = 'sasp' | 'connect' | 'sbc';

/** One problem found by a schema or a check, as data. */
export interface ValidationIssue {
  /** Dotted path of the offending value (`transaction.amountCentis`), empty for the root. */
  readonly path: string;
  readonly message: string;
  /** What was received, when it is safe and useful to show. */
  readonly received?: string;
}

// Fields are `declare`d: each constructor assigns every one of them, so a field definition would only
// repeat the name in every bundle (the own properties and their order are the same).

/** Base class of every error Baton throws. */
export class BatonError extends Error {
  override name = 'BatonError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Thrown when input to Baton, or an answer from a server, does not have the expected shape.
 * `issues` lists every problem; `message` is a readable summary of them.
 */
export class ValidationError extends BatonError {
  override name = 'ValidationError';
  declare readonly issues: readonly ValidationIssue[];
  constructor(what: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super(`${what}: ${summarizeIssues(issues)}`, options);
    this.issues = issues;
  }
}

/**
 * Thrown when a provider (or the merchant server relaying it) answered with an error code.
 * `code` is kept exactly as the provider documents it (`-42`, `INVALID_REQUEST`, `FILTERED`, …).
 */
export class ProviderError extends BatonError {
  override name = 'ProviderError';
  declare readonly provider: ProviderName;
  declare readonly code: string | number;
  /** The provider's own message, unchanged. */
  declare readonly providerMessage: string;
  /** The provider's raw error details (error body, extra fields). */
  declare readonly details: unknown;
  /**
   * Set when the provider asks to be left alone for a while (a call limit such as Sectigo's
   * `-42`): wait at least this many milliseconds before calling again.
   */
  declare readonly retryAfterMs: number | undefined;
  constructor(
    provider: ProviderName,
    code: string | number,
    providerMessage: string,
    details?: unknown,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(`${provider} answered ${code}: ${providerMessage}`, options);
    this.provider = provider;
    this.code = code;
    this.providerMessage = providerMessage;
    this.details = details;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * How a request failed before a usable answer arrived. `'offline'`: no answer at all. When the
 * browser says it is online (`navigator.onLine`), the message names CORS as the likely cause.
 */
export type NetworkFailure = 'timeout' | 'offline' | 'http' | 'aborted' | 'oversized';

/**
 * Thrown when a request got no usable answer: it timed out, the network failed,
 * the caller aborted it, or the server answered with an HTTP error status.
 */
export class NetworkError extends BatonError {
  override name = 'NetworkError';
  declare readonly kind: NetworkFailure;
  declare readonly method: string;
  declare readonly url: string;
  /** HTTP status, when `kind` is `'http'`. */
  declare readonly status: number | undefined;
  /** Response body text, when `kind` is `'http'` (may be truncated). */
  declare readonly body: string | undefined;
  /** Set when a 429 or 503 said how long to wait (`Retry-After`): wait at least this many milliseconds before asking again. */
  declare readonly retryAfterMs: number | undefined;
  constructor(
    kind: NetworkFailure,
    request: { method: string; url: string },
    extra: { status?: number; body?: string; cause?: unknown; retryAfterMs?: number; reason?: string } = {},
  ) {
    const what =
      kind === 'http' ? `answered HTTP ${extra.status}`
      : kind === 'oversized' ? `answered more than Baton reads (${extra.body}); nothing of it was used`
      : kind === 'offline' ? (extra.reason ?? 'failed: the browser is offline')
      : kind === 'timeout' ? 'timed out'
      : 'was aborted';
    super(`${request.method} ${request.url} ${what}`, { cause: extra.cause });
    this.kind = kind;
    this.method = request.method;
    this.url = request.url;
    this.status = extra.status;
    this.body = extra.body;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

/**
 * Which rule of the URL guard refused a URL:
 * - `'host'`: the host is not on the allow-list (or cannot be read);
 * - `'scheme'`: not https (plain http only on loopback), or not an absolute URL;
 * - `'path'`: outside the allowed paths, or a path a server could read as a step up;
 * - `'redirect'`: the server answered with a redirect, which Baton does not follow;
 * - `'credentials'`: a user name or password in the URL;
 * - `'rewritten'`: characters a parser strips or rewrites, so what was checked is not what is sent.
 */
export type UrlRule = 'host' | 'scheme' | 'path' | 'redirect' | 'credentials' | 'rewritten';

/**
 * Thrown when a navigation or request target fails the URL guard. `rule` says which rule (match on
 * it, never on the message); `reason` says why in words; `fix`, when set, how to allow it.
 */
export class UnsafeUrlError extends BatonError {
  override name = 'UnsafeUrlError';
  declare readonly url: string;
  declare readonly reason: string;
  declare readonly rule: UrlRule;
  declare readonly fix: string | undefined;
  constructor(url: string, reason: string, rule: UrlRule, fix?: string) {
    super(`Refused URL ${JSON.stringify(truncate(url, 200))}: ${reason}${fix ? `; ${fix}` : ''}`);
    this.url = url;
    this.reason = reason;
    this.rule = rule;
    this.fix = fix;
  }
}

/**
 * Thrown when an object handed to Baton carries a merchant secret (a password, a control key,
 * a signing key). Secrets belong on the merchant server; nothing was sent.
 */
export class SecretError extends BatonError {
  override name = 'SecretError';
  /** Where the secret was found: the path of the field that carries it, from `body`, `url` or `headers`. */
  declare readonly path: string;
  constructor(path: string, message = `Refused to send ${path}: it is a merchant secret; keep it on your server`) {
    super(message);
    this.path = path;
  }
}

function summarizeIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'invalid';
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
