// contentSecurityPolicy: exactly the hosts the browser half allows (checked against its constants).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_HOSTS } from 'baton-sdk/connect';
import { SECTIGO_HOSTS, UPLOAD_HOSTS } from 'baton-sdk/sasp';
import { getConfig } from 'baton-sdk/sbc';
import { contentSecurityPolicy, CSP_HOSTS, ValidationError } from 'baton-sdk/server';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  it('its host lists are the browser half’s own', () => {
    expect([...CSP_HOSTS.connect.connect].sort()).toEqual([...DEFAULT_ALLOWED_HOSTS].sort());
    expect([...CSP_HOSTS.sasp.connect].sort()).toEqual([...new Set([...SECTIGO_HOSTS, ...UPLOAD_HOSTS])].sort());
    expect([...CSP_HOSTS.sasp.form].sort()).toEqual([...UPLOAD_HOSTS].sort());
    // SBC: the browser only talks to the merchant; the gateway is a top-level navigation.
    expect(getConfig().allowedHosts.length).toBeGreaterThan(0);
    expect(CSP_HOSTS.sbc.connect).toEqual([]);
  });

  it('builds a strict policy per provider, with Trusted Types and reporting', () => {
    const { policy, headers } = contentSecurityPolicy({ providers: ['connect'], reportTo: 'https://csp.example/report' });
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", ...DEFAULT_ALLOWED_HOSTS.map((h) => `https://${h}`)]);
    expect(directive(policy, 'frame-src')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(policy, 'require-trusted-types-for')).toEqual(["'script'"]);
    expect(directive(policy, 'trusted-types')).toEqual(["'none'"]);
    expect(directive(policy, 'report-to')).toEqual(['baton-csp']);
    expect(headers).toEqual({ 'reporting-endpoints': 'baton-csp="https://csp.example/report"', 'content-security-policy': policy });
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    const sasp = contentSecurityPolicy({ providers: ['sasp', 'sbc'] }).policy;
    expect(directive(sasp, 'form-action')).toEqual(["'self'", ...UPLOAD_HOSTS.map((h) => `https://${h}`)]);
    expect(sasp).not.toContain('report');
    expect(sasp).not.toContain('ingenico');
  });

  it('refuses unknown providers and values that would inject directives', () => {
    expect(() => contentSecurityPolicy({ providers: ['paypal' as never] })).toThrow(ValidationError);
    expect(() => contentSecurityPolicy({ providers: ['connect'], reportTo: "/r; script-src *" })).toThrow(ValidationError);
    expect(() => contentSecurityPolicy({ providers: ['connect'], scriptHosts: ["https://cdn.example 'unsafe-inline'"] })).toThrow(ValidationError);
    expect(() => contentSecurityPolicy({ providers: ['connect'], trustedTypesPolicies: ["x; default-src *"] })).toThrow(ValidationError);
  });
});
