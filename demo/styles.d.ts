// Vite bundles stylesheets imported for their side effect (main.ts imports Baton's).
declare module '*.css';
