// What `baton-sdk/server` resolves to under the `browser` export condition: the server half holds
// merchant secrets and must never be bundled for a browser.
throw new Error(
  'baton-sdk/server was imported in a browser bundle. It holds merchant secrets (API keys, control keys, logins) and runs only on your server. In browser code import baton-sdk, baton-sdk/sasp, baton-sdk/connect or baton-sdk/sbc.',
);
export {};
