import type { PilotListItem, Stage } from './types';

/**
 * The pilots of one stage in the order a person looks for them: what is over
 * (completed, aborted) by its end, newest first; what is ahead or under way by
 * its start, soonest first.
 */
export function pilotsInStage<T extends Pick<PilotListItem, 'stage' | 'startsAt' | 'endsAt'>>(
  items: readonly T[],
  stage: Stage,
): T[] {
  const over = stage === 'completed' || stage === 'aborted';
  return items
    .filter((pilot) => pilot.stage === stage)
    .sort((a, b) =>
      over
        ? Date.parse(b.endsAt) - Date.parse(a.endsAt) || Date.parse(b.startsAt) - Date.parse(a.startsAt)
        : Date.parse(a.startsAt) - Date.parse(b.startsAt),
    );
}
