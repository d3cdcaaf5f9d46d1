import { createTourStore } from '../../state/tourStore.ts';

/** The planner's own tour (one per page), kept in localStorage. */
export const userTour = createTourStore(window.localStorage);
