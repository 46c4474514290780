// X-GCS-ClientMetaInfo: who is calling, as the Client API expects it. Reads the browser only
// when called, so importing Baton during server-side rendering touches nothing.

/** The SDK identifier sent to the platform. */
export const SDK_IDENTIFIER = 'BatonConnect/0.1.0';
const SDK_CREATOR = 'Baton';

/** What `X-GCS-ClientMetaInfo` carries, before encoding. */
export interface ClientMetaInfo {
  readonly screenSize?: string;
  readonly platformIdentifier: string;
  readonly sdkIdentifier: string;
  readonly sdkCreator: string;
  readonly appIdentifier?: string;
}

/** Collects the meta info from the current environment (browser fields only in a browser). */
export function collectMetaInfo(appIdentifier?: string): ClientMetaInfo {
  const win = typeof window === 'undefined' ? undefined : window;
  const agent = typeof navigator === 'undefined' ? undefined : navigator.userAgent;
  return {
    ...(win ? { screenSize: `${win.innerWidth}x${win.innerHeight}` } : {}),
    platformIdentifier: agent ?? 'unknown',
    sdkIdentifier: SDK_IDENTIFIER,
    sdkCreator: SDK_CREATOR,
    ...(appIdentifier ? { appIdentifier } : {}),
  };
}

/** Base64 of the UTF-8 JSON, as sent in the `X-GCS-ClientMetaInfo` header. */
export function encodeMetaInfo(info: ClientMetaInfo): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(info))) binary += String.fromCharCode(byte);
  return btoa(binary);
}
