// The merchant server's secrets — FAKE, for the demo and tests only. They live here, in demo/,
// never in src/: Baton's browser code never sees them.
export const merchantSecrets = {
  sectigo: { loginName: 'FAKE-demo-reseller', loginPassword: 'FAKE-not-a-real-password' },
  sbc: {
    endpointId: '1234',
    endpointGroupId: '567',
    merchantControl: 'FAKE0000-0000-4000-8000-merchantctrl',
    login: 'FAKE-demo-merchant',
  },
  worldline: { merchantId: 'FAKE-merchant-1', apiKeyId: 'FAKE-api-key-id', secretApiKey: 'FAKE-secret-api-key' },
} as const;

const SECRET_FIELDS = /password|control|secret/i;

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.test(name);
}
