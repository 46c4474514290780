import { ConfigError } from './errors.js';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** A provider endpoint from configuration: https, or plain http on loopback only (a mock); no credentials. */
export function assertSafeEndpoint(value: unknown, option: string): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new ConfigError(option, 'expected an absolute URL');
  }
  if (typeof value !== 'string' && !(value instanceof URL)) throw new ConfigError(option, 'expected an absolute URL');
  if (url.username || url.password) throw new ConfigError(option, 'must not carry credentials');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) {
    throw new ConfigError(option, 'must be https (plain http only on loopback)');
  }
  if (url.search || url.hash) throw new ConfigError(option, 'must not carry a query or fragment');
  return url;
}
