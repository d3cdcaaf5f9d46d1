import { describe, expect, it } from 'vitest';
import type { ParcelOutlines } from '../scenario/stages/landuseView.ts';
import { createZoningEditorStore } from './zoningEditorStore.ts';

describe('zoning editor', () => {
  it('loads the parcels once', () => {
    const editor = createZoningEditorStore();
    expect(editor.getState().startLoadingParcels()).toBe(true);
    expect(editor.getState().status).toBe('loading');
    expect(editor.getState().startLoadingParcels()).toBe(false);
    const outlines = { ids: ['p1'], zones: ['R1'] } as unknown as ParcelOutlines;
    editor.getState().parcelsLoaded(outlines);
    expect(editor.getState()).toMatchObject({ status: 'ready', outlines });
    expect(editor.getState().startLoadingParcels()).toBe(false);
  });

  it('records a failed load', () => {
    const editor = createZoningEditorStore();
    editor.getState().startLoadingParcels();
    editor.getState().parcelsFailed('HTTP 404');
    expect(editor.getState()).toMatchObject({ status: 'failed', error: 'HTTP 404' });
  });

  it('toggles a tool on and off, clearing what was picked', () => {
    const editor = createZoningEditorStore();
    editor.getState().toggleTool('select');
    editor.getState().toggleParcel(4);
    editor.getState().toggleTool('draw');
    expect(editor.getState()).toMatchObject({ tool: 'draw', selection: [] });
    editor.getState().toggleTool('draw');
    expect(editor.getState().tool).toBe('none');
  });

  it('adds and removes parcels from the selection', () => {
    const editor = createZoningEditorStore();
    editor.getState().toggleParcel(3);
    editor.getState().toggleParcel(7);
    editor.getState().toggleParcel(3);
    expect(editor.getState().selection).toEqual([7]);
  });

  it('finishes a drawn polygon without the repeated vertex of a double-click', () => {
    const editor = createZoningEditorStore();
    editor.getState().toggleParcel(2);
    for (const p of [
      [0, 0],
      [100, 0],
      [100, 100],
      [100.5, 100.2], // the double-click's second click, 0.54 m away
    ] as Array<[number, number]>)
      editor.getState().addVertex(p);
    expect(editor.getState().selection).toEqual([]);
    editor.getState().finishPolygon();
    expect(editor.getState().polygon).toEqual([
      [0, 0],
      [100, 0],
      [100, 100],
    ]);
    expect(editor.getState().drawing).toEqual([]);
  });

  it('keeps drawing when fewer than three vertices are left', () => {
    const editor = createZoningEditorStore();
    editor.getState().addVertex([0, 0]);
    editor.getState().addVertex([0, 0.5]);
    editor.getState().addVertex([50, 0]);
    editor.getState().finishPolygon();
    expect(editor.getState().polygon).toBeUndefined();
    expect(editor.getState().drawing).toHaveLength(3);
  });

  it('starts a new polygon after a finished one, and drops it on a parcel click or cancel', () => {
    const editor = createZoningEditorStore();
    for (const p of [
      [0, 0],
      [10, 0],
      [0, 10],
    ] as Array<[number, number]>)
      editor.getState().addVertex(p);
    editor.getState().finishPolygon();
    editor.getState().addVertex([5, 5]);
    expect(editor.getState()).toMatchObject({ drawing: [[5, 5]], polygon: undefined });
    editor.getState().cancelDrawing();
    expect(editor.getState().drawing).toEqual([]);
    editor.getState().addVertex([1, 1]);
    editor.getState().toggleParcel(0);
    expect(editor.getState()).toMatchObject({ drawing: [], selection: [0] });
    editor.getState().clearTarget();
    expect(editor.getState().selection).toEqual([]);
  });

  it('sets the growth year shown', () => {
    const editor = createZoningEditorStore();
    editor.getState().setGrowthYear(2035);
    expect(editor.getState().growthYear).toBe(2035);
  });
});
