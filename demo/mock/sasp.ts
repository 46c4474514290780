// Mock of sasp: routes are added by its provider issue.
import type { MockContext, Route } from './app.js';

export function saspRoutes(_ctx: MockContext): Route[] {
  return [];
}
