// The promises of baton-sdk/style.css that can be read off the file itself: no !important, every
// rule inside the `baton` cascade layer (so any rule of the page wins), no url() fetches (nothing
// for a CSP to block), a dark scheme, and every public custom property documented in the README.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('src/style.css', 'utf8');
const code = css.replace(/\/\*[\s\S]*?\*\//g, '');

describe('baton-sdk/style.css', () => {
  it('uses no !important and fetches nothing', () => {
    expect(code).not.toMatch(/!\s*important/i);
    expect(code).not.toMatch(/url\(|@import/i);
  });

  it('puts every rule inside @layer baton', () => {
    const body = code.trim();
    expect(body.startsWith('@layer baton {')).toBe(true);
    // The layer's block closes at the very end: nothing outside it.
    let depth = 0;
    let closedAt = -1;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '{') depth++;
      if (body[i] === '}' && --depth === 0) {
        closedAt = i;
        break;
      }
    }
    expect(closedAt).toBe(body.length - 1);
  });

  it('has one dark palette, for the OS preference and for data-baton-theme="dark", and documents the switch', () => {
    // The dark palette appears twice (in the media query and for the switch): the same declarations.
    const blocks = [...code.matchAll(/\{([^{}]*--_baton-bg: var\(--baton-bg, #16191d\)[^{}]*)\}/g)].map((match) => match[1]!.replace(/\s+/g, ' ').trim());
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(blocks[1]);
    expect(code).toMatch(/\[data-baton-theme='light'\]/);
    expect(code).toMatch(/\[data-baton-theme='dark'\]/);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('data-baton-theme="light"');
  });

  it('has a dark scheme and themes by --baton-* properties, each one documented', () => {
    expect(code).toMatch(/@media \(prefers-color-scheme: dark\)/);
    const publicProperties = [...new Set([...code.matchAll(/var\((--baton-[a-z-]+)/g)].map((match) => match[1]!))];
    expect(publicProperties).toEqual(expect.arrayContaining(['--baton-accent', '--baton-radius', '--baton-font', '--baton-danger', '--baton-fg', '--baton-bg', '--baton-border', '--baton-gap']));
    const readme = readFileSync('README.md', 'utf8');
    const styling = readme.slice(readme.indexOf('## Styling'), readme.indexOf('\n## ', readme.indexOf('## Styling') + 1));
    expect(publicProperties.filter((property) => !styling.includes(`\`${property}\``))).toEqual([]);
  });
});
