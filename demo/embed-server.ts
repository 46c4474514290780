// Serves the script-tag demo (demo/embed.html) exactly as an integrator's server would: the
// built IIFE with its SRI hash filled in, and a strict CSP with Trusted Types required.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const EMBED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types baton',
  "object-src 'none'",
  "base-uri 'none'",
  // The upload form posts to Sectigo (the mock plays it on the other loopback name) in a hidden
  // frame, landing back on this origin. In production: form-action/frame-src 'self' https://*.sectigolabs.com.
  "form-action 'self' http://localhost:* http://127.0.0.1:*",
  "frame-src 'self' http://localhost:* http://127.0.0.1:*",
  "frame-ancestors 'none'",
].join('; ');

/** The stylesheet as the package ships it (dist/baton.css); the source until the build copies it. */
const stylesheet = () => readFileSync(at('../dist/baton.css'));

/** Middleware for `/embed.html`, `/embed.js`, `/vendor/baton.iife.min.js` and `/vendor/baton.css`; `next()` for the rest. */
export function serveEmbed(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = (req.url ?? '/').split('?')[0];
  try {
    if (path === '/embed.html') {
      const integrity = readFileSync(at('../dist/baton.iife.min.js.sri'), 'utf8').trim();
      const page = readFileSync(at('./embed.html'), 'utf8').replace('__BATON_SRI__', integrity);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': EMBED_CSP });
      return void res.end(page);
    }
    if (path === '/embed.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(readFileSync(at('./embed.js')));
    }
    if (path === '/vendor/baton.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      return void res.end(stylesheet());
    }
    if (path === '/vendor/baton.iife.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(readFileSync(at('../dist/baton.iife.min.js')));
    }
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain' });
    return void res.end('The script-tag demo needs the built package: run `npm run build` first.');
  }
  next();
}
