/**
 * Whether an evaluation round is open by this browser's clock. The same rule
 * as `roundState` in @ritme/shared (the closing instant counts as closed);
 * repeated here because importing @ritme/shared into an island bundles zod
 * (≈100 kB) for three comparisons. tests/unit/islands.test.ts fails when the
 * two disagree.
 */
export type RoundWindowState = 'upcoming' | 'open' | 'closed';

export function roundWindowState(round: { opensAt: string; closesAt: string }, now: Date): RoundWindowState {
  if (now.getTime() < Date.parse(round.opensAt)) return 'upcoming';
  if (now.getTime() >= Date.parse(round.closesAt)) return 'closed';
  return 'open';
}
