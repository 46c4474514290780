// dist/sri.json, the inventory of Baton's scripts (PCI DSS 6.4.3): every script tag listed, with
// its reason and the sha384 of the file as built (run after `npm run build`, as `npm test` does).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../../dist/', import.meta.url);

describe('dist/sri.json', () => {
  it('lists every script tag with its purpose and the integrity of the file as shipped', () => {
    expect(existsSync(new URL('sri.json', dist)), 'run npm run build first').toBe(true);
    const inventory = JSON.parse(readFileSync(new URL('sri.json', dist), 'utf8')) as Record<string, { purpose: string; bytes: number; integrity: string }>;
    const scripts = readdirSync(dist).filter((name) => name.endsWith('.iife.min.js')).sort();
    expect(Object.keys(inventory).sort()).toEqual(scripts);
    for (const name of scripts) {
      const bytes = readFileSync(new URL(name, dist));
      expect(inventory[name]!.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      expect(inventory[name]!.bytes).toBe(bytes.length);
      expect(inventory[name]!.purpose.length).toBeGreaterThan(10);
      expect(readFileSync(new URL(`${name}.sri`, dist), 'utf8').trim()).toBe(inventory[name]!.integrity);
    }
  });
});
