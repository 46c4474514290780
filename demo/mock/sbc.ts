// Mock of sbc: routes are added by its provider issue.
import type { MockContext, Route } from './app.js';

export function sbcRoutes(_ctx: MockContext): Route[] {
  return [];
}
