// Navigation in happy-dom: replace window.location's assign/replace with spies for each test,
// so tests assert the URL the browser would have gone to.
import { afterEach, beforeEach, vi, type Mock } from 'vitest';

export function spyOnLocation(): { readonly assign: Mock; readonly replace: Mock } {
  const spies = {} as { assign: Mock; replace: Mock };
  beforeEach(() => {
    spies.assign = vi.fn();
    spies.replace = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign: spies.assign, replace: spies.replace } as unknown as Location);
  });
  afterEach(() => vi.restoreAllMocks());
  return spies;
}
