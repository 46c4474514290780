// Mock of connect: routes are added by its provider issue.
import type { MockContext, Route } from './app.js';

export function connectRoutes(_ctx: MockContext): Route[] {
  return [];
}
