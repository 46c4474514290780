// `import 'baton-sdk/style.css'` imports a stylesheet for its side effect; nothing is exported.
// This file lets TypeScript (6+, which checks side-effect imports) resolve it.
export {};
