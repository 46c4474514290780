// Starts the mock providers on a random loopback port for every test project; tests read the
// URL with `inject('mockUrl')`.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../demo/mock/app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startMockServer();
  project.provide('mockUrl', server.url);
  return () => server.close();
}
