/**
 * The zoning editor, shared by its panel (DOM) and its map layer (canvas): the city's parcels
 * (loaded from the scenario worker, which holds the prepared land-use model), the tool, the
 * selected parcels, the polygon being drawn and the growth year shown. The land-use results drawn
 * are the land-use stage of the current scenario's run.
 */
import { createStore } from 'zustand/vanilla';
import type { ParcelOutlines } from '../scenario/stages/landuseView.ts';

/** Editor tool: none, click parcels, or draw a polygon. */
export type ZoningTool = 'none' | 'select' | 'draw';

/** A point in the scene frame: east, north, metres. */
export type ScenePoint = [number, number];

/** Two clicks of a drawn polygon closer than this are one vertex (a double-click), m. */
export const REPEATED_VERTEX_METRES = 1;

/** The editor's state and actions. */
export interface ZoningEditorState {
  /** Loading of the city's parcels. */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error?: string;
  outlines?: ParcelOutlines;
  tool: ZoningTool;
  /** Selected parcel indices (into outlines). */
  selection: number[];
  /** Vertices of the polygon being drawn, scene metres. */
  drawing: ScenePoint[];
  /** The finished polygon, scene metres. */
  polygon: ScenePoint[] | undefined;
  /** Year the growth layer shows. */
  growthYear: number;
  /** Marks the parcels as loading; false when they are already loading, loaded or failed. */
  startLoadingParcels(): boolean;
  parcelsLoaded(outlines: ParcelOutlines): void;
  parcelsFailed(message: string): void;
  /** Chooses `tool`, or no tool when it is the one chosen; clears the selection and drawing. */
  toggleTool(tool: Exclude<ZoningTool, 'none'>): void;
  /** Adds parcel `index` to the selection, or removes it; drops a drawn polygon. */
  toggleParcel(index: number): void;
  /** Adds a vertex to the polygon being drawn (a finished polygon starts over); drops the selection. */
  addVertex(point: ScenePoint): void;
  /**
   * Finishes the polygon being drawn (vertices closer than REPEATED_VERTEX_METRES to the one before
   * are dropped); kept drawing when fewer than 3 vertices are left.
   */
  finishPolygon(): void;
  /** Drops the polygon being drawn or finished. */
  cancelDrawing(): void;
  /** Drops the selection and any polygon (after an edit is applied, or on "clear"). */
  clearTarget(): void;
  setGrowthYear(year: number): void;
}

/** A zoning editor store: no parcels yet, no tool, growth shown at 2045. */
export function createZoningEditorStore() {
  return createStore<ZoningEditorState>()((set, get) => ({
    status: 'idle',
    tool: 'none',
    selection: [],
    drawing: [],
    polygon: undefined,
    growthYear: 2045,
    startLoadingParcels: () => {
      if (get().status !== 'idle') return false;
      set({ status: 'loading' });
      return true;
    },
    parcelsLoaded: (outlines) => set({ status: 'ready', outlines }),
    parcelsFailed: (error) => set({ status: 'failed', error }),
    toggleTool: (tool) =>
      set((s) => ({ tool: s.tool === tool ? 'none' : tool, selection: [], drawing: [], polygon: undefined })),
    toggleParcel: (index) =>
      set((s) => ({
        selection: s.selection.includes(index)
          ? s.selection.filter((k) => k !== index)
          : [...s.selection, index],
        polygon: undefined,
        drawing: [],
      })),
    addVertex: (point) =>
      set((s) => ({ drawing: [...(s.polygon ? [] : s.drawing), point], polygon: undefined, selection: [] })),
    finishPolygon: () => {
      const vertices = get().drawing.filter(
        (v, i, all) =>
          i === 0 || Math.hypot(v[0] - all[i - 1]![0], v[1] - all[i - 1]![1]) > REPEATED_VERTEX_METRES,
      );
      if (vertices.length >= 3) set({ polygon: vertices, drawing: [] });
    },
    cancelDrawing: () => set({ drawing: [], polygon: undefined }),
    clearTarget: () => set({ selection: [], polygon: undefined, drawing: [] }),
    setGrowthYear: (growthYear) => set({ growthYear }),
  }));
}

export type ZoningEditorStore = ReturnType<typeof createZoningEditorStore>;

/** The app's zoning editor (one per page). */
export const zoningEditor: ZoningEditorStore = createZoningEditorStore();
