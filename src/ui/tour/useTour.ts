import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../../scenario/scenario.ts';
import type { TourReferences } from '../../scenario/tour.ts';
import type { TourState } from '../../state/tourStore.ts';
import { takeHashParameter } from '../addressParameter.ts';
import { useScenarios } from '../context.tsx';
import { type LoadedTour, loadShippedTour, mapLayerIds } from './shippedTour.ts';
import { userTour } from './userTour.ts';

/** Reads a slice of the planner's own tour. */
export function useUserTour<T>(selector: (state: TourState) => T): T {
  return useStore(userTour, selector);
}

/**
 * What a tour may run: the shipped scenarios and the workspace's (a workspace scenario wins on
 * the same id). Loads the saved tour against them (again when the workspace's scenarios change).
 */
export function useTourReferences(): { shipped: LoadedTour; references: TourReferences } {
  const shipped = useMemo(loadShippedTour, []);
  const workspace = useScenarios((s) => s.scenarios);
  const references = useMemo(() => {
    const byId = new Map<string, Scenario>(shipped.ok ? shipped.scenarios : []);
    for (const scenario of Object.values(workspace)) byId.set(scenario.id, scenario);
    return { scenarios: [...byId.values()], layerIds: mapLayerIds() };
  }, [shipped, workspace]);
  useEffect(() => userTour.getState().loadSaved(references), [references]);
  return { shipped, references };
}

/**
 * The tour presentation mode plays: the planner's own tour (saved in this browser) when there is
 * one, else the shipped tour. A tour share link in the address is imported first (tourStore's
 * `importShareCode`: a copy when its id is taken; it replaces the planner's tour).
 */
export function usePlayedTour(): LoadedTour {
  const { shipped, references } = useTourReferences();
  const own = useUserTour((s) => s.tour);
  // a tour share link (`#/presentation?tour=CODE`) becomes the planner's tour, then plays
  useEffect(() => {
    const code = takeHashParameter('tour');
    if (code)
      userTour.getState().importShareCode(code, references, new Set(shipped.ok ? [shipped.tour.id] : []));
  }, [references, shipped]);
  return useMemo(() => {
    if (!own || !shipped.ok) return shipped;
    return { ok: true, tour: own, scenarios: new Map(references.scenarios.map((s) => [s.id, s])) };
  }, [own, shipped, references]);
}
