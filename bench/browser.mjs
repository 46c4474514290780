// Chromium benchmarks: card-data encryption (Baton vs Worldline, alternating call by call) and
// script evaluation cost of the two script-tag files. Everything is served from 127.0.0.1:0 by a
// tiny server here (pages, both SDK files, a Connect Client API stand-in with an RSA-2048 key).
import { constants, createDecipheriv, createHmac, generateKeyPairSync, privateDecrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BATON_IIFE, WORLDLINE_UMD } from './sizes.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// Same flags as test/chromium.ts (a .ts module Node 20 cannot import from a plain .mjs script).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};

const PRODUCT = readFileSync(join(here, 'fixtures/connect-product-1.json'), 'utf8');

const NAME = 'Wiktor Müller';

/** Decrypts a compact JWE (RSA-OAEP/SHA-1 + A256CBC-HS512) as the platform would, checking the tag. */
function decryptJwe(jwe, privateKey) {
  const [h, ek, ivText, ct, tagText] = jwe.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  if (header.alg !== 'RSA-OAEP' || header.enc !== 'A256CBC-HS512') throw new Error(`unexpected JWE header ${JSON.stringify(header)}`);
  const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ek, 'base64url'));
  const iv = Buffer.from(ivText, 'base64url');
  const ciphertext = Buffer.from(ct, 'base64url');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(h.length * 8));
  const tag = createHmac('sha512', cek.subarray(0, 32)).update(h, 'ascii').update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  if (!timingSafeEqual(tag, Buffer.from(tagText, 'base64url'))) throw new Error('JWE authentication tag mismatch');
  const decipher = createDecipheriv('aes-256-cbc', cek.subarray(32), iv);
  const bytes = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return { payload: JSON.parse(bytes.toString('utf8')), bytes };
}

/** Both SDKs must produce a JWE the platform can open, with the same unmasked card values. */
/** Returns a note when the payload is readable but not UTF-8 (non-ASCII cardholder names). */
function checkPayload(name, jwe, privateKey) {
  const { payload, bytes } = decryptJwe(jwe, privateKey);
  let notes = [];
  let values = Object.fromEntries(payload.paymentValues.map(({ key, value }) => [key, value]));
  if (values.cardholderName !== NAME) {
    // node-forge encrypts JS strings as Latin-1 "binary" bytes unless told otherwise.
    const latin1 = JSON.parse(bytes.toString('latin1'));
    values = Object.fromEntries(latin1.paymentValues.map(({ key, value }) => [key, value]));
    if (values.cardholderName === NAME) notes.push(`${name}: plaintext is Latin-1, not UTF-8 — "${NAME}" arrives as ${JSON.stringify(payload.paymentValues.find((v) => v.key === 'cardholderName')?.value)} to a UTF-8 reader`);
  }
  const want = { cardNumber: '4111111111111111', expiryDate: '1230', cvv: '123', cardholderName: NAME };
  for (const [k, v] of Object.entries(want)) if (values[k] !== v) throw new Error(`${name}: decrypted ${k} is ${JSON.stringify(values[k])}, not ${JSON.stringify(v)}`);
  if (payload.clientSessionId !== 'bench-session-0001' || payload.paymentProductId !== 1) throw new Error(`${name}: wrong session/product in payload`);
  return notes;
}

export function startServer() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = JSON.stringify({ keyId: `bench-${randomBytes(4).toString('hex')}`, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') });
  const files = {
    '/baton.js': [readFileSync(BATON_IIFE), 'text/javascript'],
    '/worldline.js': [readFileSync(WORLDLINE_UMD), 'text/javascript'],
    '/encrypt.html': ['<!doctype html><meta charset="utf-8"><title>encrypt</title><script src="/baton.js"></script><script src="/worldline.js"></script>', 'text/html'],
    '/blank.html': ['<!doctype html><meta charset="utf-8"><title>eval</title>', 'text/html'],
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
    let body;
    let type = 'application/json';
    if (files[path]) [body, type] = files[path];
    else if (/^\/client\/v1\/[^/]+\/crypto\/publickey$/.test(path)) body = key;
    else if (/^\/client\/v1\/[^/]+\/products\/1$/.test(path)) body = PRODUCT;
    if (body === undefined) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ privateKey, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs inside the page: both SDKs set up the same way, then alternate call by call. */
async function encryptInPage({ warmup, iterations }) {
  const sessionDetails = { clientSessionId: 'bench-session-0001', customerId: '1234-bench', clientApiUrl: `${location.origin}/client`, assetUrl: `${location.origin}/assets/` };
  const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };
  const values = { cardNumber: '4111 1111 1111 1111', expiryDate: '12/30', cvv: '123', cardholderName: 'Wiktor Müller' };

  const baton = window.Baton.connect.createClientSession(sessionDetails, { allowedHosts: [location.hostname] });
  const batonProduct = await baton.getPaymentProduct(1, context);
  const batonEncrypt = () => baton.encrypt({ paymentProductId: 1, product: batonProduct, values });

  const wl = new window.connectsdk.Session(sessionDetails);
  const wlProduct = await wl.getPaymentProduct(1, { countryCode: 'NL', currency: 'EUR', totalAmount: 1000, isRecurring: false, locale: 'en_GB' });
  const wlEncryptor = wl.getEncryptor();
  const wlEncrypt = () => {
    const request = new window.connectsdk.PaymentRequest(sessionDetails.clientSessionId);
    request.setPaymentProduct(wlProduct);
    for (const [k, v] of Object.entries(values)) request.setValue(k, v);
    return wlEncryptor.encrypt(request);
  };

  // The floor: a bare WebCrypto JWE of the same wire format and plaintext, written for speed
  // (the RSA key imported once, nothing validated), what no SDK can beat.
  const b64u = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const enc = new TextEncoder();
  const { keyId, publicKey } = await baton.getPublicKey();
  const der = Uint8Array.from(atob(publicKey), (c) => c.charCodeAt(0));
  const rsa = await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['encrypt']);
  const header = b64u(enc.encode(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: keyId })));
  const aad = enc.encode(header);
  const unmasked = { cardNumber: '4111111111111111', expiryDate: '1230', cvv: '123', cardholderName: 'Wiktor Müller' };
  const floorEncrypt = async () => {
    const payload = { clientSessionId: sessionDetails.clientSessionId, nonce: b64u(crypto.getRandomValues(new Uint8Array(16))), paymentProductId: 1, tokenize: false, paymentValues: Object.entries(unmasked).map(([key, value]) => ({ key, value })) };
    const cek = crypto.getRandomValues(new Uint8Array(64));
    const iv = crypto.getRandomValues(new Uint8Array(16));
    const [mk, ek, wrapped] = await Promise.all([
      crypto.subtle.importKey('raw', cek.subarray(0, 32), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']),
      crypto.subtle.importKey('raw', cek.subarray(32), 'AES-CBC', false, ['encrypt']),
      crypto.subtle.encrypt({ name: 'RSA-OAEP' }, rsa, cek),
    ]);
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, ek, enc.encode(JSON.stringify(payload))));
    const signed = new Uint8Array(aad.length + 16 + ct.length + 8);
    signed.set(aad);
    signed.set(iv, aad.length);
    signed.set(ct, aad.length + 16);
    new DataView(signed.buffer).setUint32(signed.length - 4, aad.length * 8);
    const tag = new Uint8Array(await crypto.subtle.sign('HMAC', mk, signed)).subarray(0, 32);
    return [header, b64u(new Uint8Array(wrapped)), b64u(iv), b64u(ct), b64u(tag)].join('.');
  };

  const isJwe = (t) => typeof t === 'string' && t.split('.').length === 5;
  const times = { baton: [], worldline: [], floor: [] };
  const samples = {};
  const one = async (name, fn, record) => {
    const t0 = performance.now();
    const out = await fn();
    const dt = performance.now() - t0;
    if (!isJwe(out)) throw new Error(`${name} did not return a compact JWE`);
    samples[name] = out;
    if (record) times[name].push(dt);
  };
  for (let i = 0; i < warmup + iterations; i++) {
    const record = i >= warmup;
    // Alternate which SDK goes first so neither always runs right after the other's GC pressure.
    if (i % 2) {
      await one('baton', batonEncrypt, record);
      await one('floor', floorEncrypt, record);
      await one('worldline', wlEncrypt, record);
    } else {
      await one('worldline', wlEncrypt, record);
      await one('floor', floorEncrypt, record);
      await one('baton', batonEncrypt, record);
    }
  }
  return { times, samples, resolution: crossOriginIsolated ? '5 µs' : '100 µs' };
}

/** Runs inside a fresh page: time a synchronous inline <script> (parse + compile + run). */
function evalInPage(source) {
  const script = document.createElement('script');
  script.textContent = source;
  const t0 = performance.now();
  document.head.append(script); // inline scripts run synchronously on insertion
  return performance.now() - t0;
}

export async function measureBrowser({ warmup = 30, iterations = 200, evalSamples = 40 } = {}) {
  const server = await startServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const version = browser.version();
    // 1. Encryption.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/encrypt.html`);
    const { times, samples, resolution } = await page.evaluate(encryptInPage, { warmup, iterations });
    await context.close();
    const notes = Object.entries(samples).flatMap(([name, jwe]) => checkPayload(name, jwe, server.privateKey));

    // 2. Script evaluation: a fresh browser context per sample (no warm isolate), alternating the
    // two files, each source made unique so V8's compilation cache cannot serve it.
    const sources = { baton: readFileSync(BATON_IIFE, 'utf8'), worldline: readFileSync(WORLDLINE_UMD, 'utf8') };
    const evalTimes = { baton: [], worldline: [] };
    for (let i = 0; i < evalSamples * 2; i++) {
      const name = i % 2 ? 'baton' : 'worldline';
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${server.url}/blank.html`);
      const ms = await p.evaluate(evalInPage, `${sources[name]}\n//# bench-${i}-${Date.now()}`);
      const ok = await p.evaluate((n) => (n === 'baton' ? typeof window.Baton?.connect?.createClientSession : typeof window.connectsdk?.Session), name);
      if (ok !== 'function') throw new Error(`${name} script did not define its global`);
      evalTimes[name].push(ms);
      await ctx.close();
    }
    return {
      chromium: version,
      resolution,
      notes,
      encrypt: { warmup, iterations, baton: median(times.baton), worldline: median(times.worldline), floor: median(times.floor) },
      evaluate: { samples: evalSamples, baton: median(evalTimes.baton), worldline: median(evalTimes.worldline) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureBrowser());
