// PaynetEasy's documented status polling: every 3–5 s for about 5 minutes, then every 5–10
// minutes, for up to an hour (DESIGN.md, SBC notes).

/** How long the quick phase lasts, from the first question. */
export const QUICK_PHASE_MS = 5 * 60_000;
/** The whole schedule: one hour. */
export const SCHEDULE_MS = 60 * 60_000;
const SLOW_FIRST_MS = 5 * 60_000;
const SLOW_MAX_MS = 10 * 60_000;

/**
 * The wait before the next question. Quick phase (`elapsedMs` < 5 min): `intervalMs`, then one
 * third more per question up to 5/3 of it (3 s, 4 s, 5 s, 5 s… by default). Slow phase: 5 min,
 * then 1.5× per question up to 10 min. `quickAsked`/`slowAsked` count the questions of each phase.
 */
export function nextDelay(elapsedMs: number, intervalMs: number, quickAsked: number, slowAsked: number): number {
  if (elapsedMs < QUICK_PHASE_MS) return Math.min(intervalMs * (1 + Math.max(0, quickAsked - 1) / 3), (intervalMs * 5) / 3);
  return Math.min(SLOW_FIRST_MS * 1.5 ** Math.max(0, slowAsked - 1), SLOW_MAX_MS);
}
