/**
 * The zoning editor's layer (main view only): proposed massing and growth cells by year of the
 * current scenario's run, every parcel's outline while a tool is active, the selected parcels and
 * the polygon being drawn; pointer input for the select and draw tools (click a parcel; click
 * vertices, Enter or double-click to finish, Esc to cancel). Publishes `window.__twin.landuse`.
 */
import { Group, type Mesh, Raycaster, Vector2, Vector3 } from 'three';
import { GROWTH_LEGEND, GrowthLayer } from '../../render/landuse/growthLayer.ts';
import { createMassingMesh, disposeMesh } from '../../render/landuse/massingLayer.ts';
import { createOutlines, disposeOutlines, type OutlineRing } from '../../render/landuse/outlineLayer.ts';
import type { ParcelOutlines } from '../../scenario/stages/landuseView.ts';
import { zoningEditor } from '../../state/zoningEditorStore.ts';
import { groundPoint, parcelFinder, parcelRing } from '../landuse/parcelPicking.ts';
import { registerTestHook } from '../testHooks.ts';
import { Effect } from './effect.ts';
import { type MapLayer, runViewsOf } from './mapLayer.ts';

/** A press that moves less than this is a click, CSS pixels. */
const CLICK_SLOP_PIXELS = 4;
/** Outline colour of every parcel while a tool is active. */
const PARCEL_OUTLINE_COLOUR = '#f8f4e3';
/** Outline colour of the selected parcels and the drawn polygon. */
const TARGET_OUTLINE_COLOUR = '#ff00aa';

/** What `window.__twin.landuse` offers the e2e test. */
export interface LanduseTestApi {
  /** Triangles of the proposed massing now in the scene. */
  massingTriangles(): number;
  /** Growth cells drawn at the slider's year. */
  growthCellsShown(): number;
  /** Canvas pixel (CSS px) of the centroid of an on-screen parcel of `zone`, nearest the centre. */
  findParcelPixel(zone: string): { id: string; x: number; y: number } | null;
}

/** Replaces the children of a group, disposing the old ones. */
function replaceChildren<T extends object>(group: Group, dispose: (child: T) => void, next?: T) {
  for (const child of [...group.children]) {
    group.remove(child);
    dispose(child as unknown as T);
  }
  if (next) group.add(next as never);
}

export const zoningMapLayer: MapLayer = {
  id: 'zoning',
  label: 'layer.zoning',
  legend: GROWTH_LEGEND,
  views: ['main'],
  mount({ root, terrain, renderer, camera }) {
    const elevationAt = (east: number, north: number) => terrain?.elevationAt(east, north) ?? 0;
    const massingRoot = new Group();
    const growthRoot = new Group();
    const parcelRoot = new Group();
    const outlineRoot = new Group();
    root.add(massingRoot, growthRoot, parcelRoot, outlineRoot);
    let exaggeration = 1;
    let growthLayer: GrowthLayer | null = null;
    let finder: ((east: number, north: number) => number) | undefined;
    const effects = {
      finder: new Effect(),
      massing: new Effect(),
      growth: new Effect(),
      growthYear: new Effect(),
      parcels: new Effect(),
      target: new Effect(),
    };
    const ringOf = (outlines: ParcelOutlines, k: number): OutlineRing => {
      const ring = parcelRing(outlines, k);
      return { ring, groundMetres: elevationAt(ring[0]!, ring[1]!), closed: true };
    };

    const canvas = renderer.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    let downX = 0;
    let downY = 0;
    const groundAt = (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      return groundPoint(raycaster.ray, elevationAt, exaggeration);
    };
    const onDown = (event: PointerEvent) => {
      downX = event.clientX;
      downY = event.clientY;
    };
    const onUp = (event: PointerEvent) => {
      const editor = zoningEditor.getState();
      if (editor.tool === 'none' || event.button !== 0) return;
      if (Math.hypot(event.clientX - downX, event.clientY - downY) > CLICK_SLOP_PIXELS) return;
      const point = groundAt(event.clientX, event.clientY);
      if (!point) return;
      if (editor.tool === 'select' && finder) {
        const k = finder(point[0], point[1]);
        if (k >= 0) editor.toggleParcel(k);
      } else if (editor.tool === 'draw') editor.addVertex(point);
    };
    const finish = () => {
      const editor = zoningEditor.getState();
      if (editor.tool === 'draw') editor.finishPolygon();
    };
    const onKey = (event: KeyboardEvent) => {
      const editor = zoningEditor.getState();
      if (editor.tool !== 'draw') return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key === 'Enter') editor.finishPolygon();
      if (event.key === 'Escape') editor.cancelDrawing();
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('dblclick', finish);
    window.addEventListener('keydown', onKey);

    const point = new Vector3();
    const unregister = registerTestHook('landuse', {
      massingTriangles() {
        let triangles = 0;
        massingRoot.traverse((object) => {
          const position = (object as Mesh).geometry?.getAttribute('position');
          if (position) triangles += position.count / 3;
        });
        return triangles;
      },
      growthCellsShown: () => growthLayer?.mesh.count ?? 0,
      findParcelPixel(zone) {
        const o = zoningEditor.getState().outlines;
        if (!o || !finder) return null;
        const rect = canvas.getBoundingClientRect();
        let best: { id: string; x: number; y: number } | null = null;
        let bestDistance = Infinity;
        for (let k = 0; k < o.ids.length; k++) {
          if (o.zones[k] !== zone) continue;
          const ring = parcelRing(o, k);
          let e = 0;
          let n = 0;
          for (let v = 0; v < ring.length; v += 2) {
            e += ring[v]!;
            n += ring[v + 1]!;
          }
          e /= ring.length / 2;
          n /= ring.length / 2;
          if (finder(e, n) !== k) continue;
          point.set(e, elevationAt(e, n) * exaggeration, -n).project(camera);
          if (Math.abs(point.x) > 0.8 || Math.abs(point.y) > 0.8 || point.z > 1) continue;
          const d = Math.hypot(point.x, point.y);
          if (d < bestDistance) {
            bestDistance = d;
            best = {
              id: o.ids[k]!,
              x: ((point.x + 1) / 2) * rect.width,
              y: ((1 - point.y) / 2) * rect.height,
            };
          }
        }
        return best;
      },
    });

    return {
      update(state) {
        exaggeration = state.app.verticalExaggeration;
        const view = runViewsOf(state, state.scenarios.currentId)?.views.landuse;
        const { outlines, selection, drawing, polygon, growthYear, tool } = state.zoningEditor;
        effects.finder.run([outlines], () => {
          finder = outlines ? parcelFinder(outlines) : undefined;
        });
        effects.massing.run([view, exaggeration], () => {
          const mesh =
            view && view.massing.offsets.length > 1
              ? createMassingMesh(view.massing, exaggeration)
              : undefined;
          replaceChildren(massingRoot, disposeMesh, mesh);
        });
        effects.growth.run([view, exaggeration], () => {
          growthLayer?.dispose();
          growthLayer = view?.growth ? new GrowthLayer(view.growth, exaggeration) : null;
          for (const child of [...growthRoot.children]) growthRoot.remove(child);
          if (growthLayer) {
            growthLayer.setYear(growthYear);
            growthRoot.add(growthLayer.mesh);
          }
        });
        effects.growthYear.run([growthYear], () => {
          growthLayer?.setYear(growthYear);
        });
        // every parcel's outline while a tool is active, so that the lots can be seen and picked
        effects.parcels.run([outlines, tool, exaggeration], () => {
          const rings = outlines && tool !== 'none' ? outlines.ids.map((_, k) => ringOf(outlines, k)) : [];
          replaceChildren(
            parcelRoot,
            disposeOutlines,
            rings.length > 0 ? createOutlines(rings, PARCEL_OUTLINE_COLOUR, exaggeration) : undefined,
          );
        });
        effects.target.run([outlines, selection, drawing, polygon, exaggeration], () => {
          const rings = outlines ? selection.map((k) => ringOf(outlines, k)) : [];
          const drawn = polygon ?? (drawing.length > 0 ? drawing : undefined);
          if (drawn) {
            const ring = drawn.flat();
            rings.push({
              ring,
              groundMetres: elevationAt(ring[0]!, ring[1]!),
              closed: polygon !== undefined,
            });
          }
          replaceChildren(
            outlineRoot,
            disposeOutlines,
            rings.length > 0 ? createOutlines(rings, TARGET_OUTLINE_COLOUR, exaggeration) : undefined,
          );
        });
      },
      dispose() {
        unregister();
        canvas.removeEventListener('pointerdown', onDown);
        canvas.removeEventListener('pointerup', onUp);
        canvas.removeEventListener('dblclick', finish);
        window.removeEventListener('keydown', onKey);
        growthLayer?.dispose();
        replaceChildren(massingRoot, disposeMesh);
        replaceChildren(parcelRoot, disposeOutlines);
        replaceChildren(outlineRoot, disposeOutlines);
      },
    };
  },
};
