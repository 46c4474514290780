// The demo: one vite server with the mock providers and merchant server as middleware.
// `npm run demo` serves the sources; BATON_FROM=dist serves the built package (e2e tests).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { createMockApp } from './demo/mock/app.js';
import { serveEmbed } from './demo/embed-server.js';
import { batonAliases } from './vite.aliases.js';

function mockProviders(): Plugin {
  const app = createMockApp();
  const attach = (server: { middlewares: Connect.Server }) => {
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
      app.ctx.origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      void app.handle(req, res, () => serveEmbed(req, res, next));
    });
  };
  return { name: 'baton-mock-providers', configureServer: attach, configurePreviewServer: attach };
}

export default defineConfig({
  root: 'demo',
  publicDir: false,
  resolve: { alias: batonAliases(process.env.BATON_FROM === 'dist' ? 'dist' : 'src') },
  plugins: [mockProviders()],
  // No CORS from vite itself: the mocks decide per route (Sectigo's endpoints send none).
  server: { host: '127.0.0.1', port: 5173, cors: false },
  preview: { host: '127.0.0.1', port: 4173, cors: false },
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
