/**
 * The zoning editor's map layers (inside the city canvas): proposed massing, growth cells by
 * year, selected parcels and the polygon being drawn; pointer input for the select and draw
 * tools (click a parcel; click vertices, Enter or double-click to finish, Esc to cancel).
 * Publishes `window.__twin.landuse` for the e2e test.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, type Mesh, Raycaster, Vector2, Vector3 } from 'three';
import { useStore } from 'zustand';
import { GrowthLayer } from '../../render/landuse/growthLayer.ts';
import { createMassingMesh, disposeMesh } from '../../render/landuse/massingLayer.ts';
import { createOutlines, disposeOutlines, type OutlineRing } from '../../render/landuse/outlineLayer.ts';
import { terrainGridOf } from '../../render/city/terrainGrid.ts';
import type { LoadedDataset } from '../city/cityDataset.ts';
import type { DatasetState } from '../city/useCityDataset.ts';
import { useApp } from '../context.tsx';
import { useCurrentRun } from '../run/useRun.ts';
import { landuseUi } from './landuseState.ts';
import { groundPoint, parcelFinder, parcelRing } from './parcelPicking.ts';

/** A press that moves less than this is a click, CSS pixels. */
const CLICK_SLOP_PIXELS = 4;

/** Replaces the children of a group, disposing the old ones. */
function replaceChildren(group: Group | null, dispose: (child: never) => void, next?: object) {
  if (!group) return;
  for (const child of [...group.children]) {
    group.remove(child);
    dispose(child as never);
  }
  if (next) group.add(next as never);
}

/** The editor's layers once the dataset is loaded (main view only); mount inside the city canvas. */
export function LanduseLayers({ state, enabled }: { state: DatasetState; enabled: boolean }) {
  return enabled && state.status === 'ready' ? <LanduseLayersOf dataset={state.dataset} /> : null;
}

function LanduseLayersOf({ dataset }: { dataset: LoadedDataset }) {
  const terrain = useMemo(() => terrainGridOf(dataset.data.terrain), [dataset]);
  const elevationAt = useMemo(
    () => (east: number, north: number) => terrain?.elevationAt(east, north) ?? 0,
    [terrain],
  );
  const exaggeration = useApp((s) => s.verticalExaggeration);
  const exaggerationRef = useRef(exaggeration);
  exaggerationRef.current = exaggeration;
  const outlines = useStore(landuseUi, (s) => s.outlines);
  const view = useCurrentRun()?.views?.views.landuse;
  const selection = useStore(landuseUi, (s) => s.selection);
  const drawing = useStore(landuseUi, (s) => s.drawing);
  const polygon = useStore(landuseUi, (s) => s.polygon);
  const growthYear = useStore(landuseUi, (s) => s.growthYear);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const massingRoot = useRef<Group>(null);
  const growthRoot = useRef<Group>(null);
  const outlineRoot = useRef<Group>(null);
  const parcelRoot = useRef<Group>(null);
  const tool = useStore(landuseUi, (s) => s.tool);
  const growthLayer = useRef<GrowthLayer | null>(null);
  const finder = useMemo(() => (outlines ? parcelFinder(outlines) : undefined), [outlines]);

  useEffect(() => {
    const mesh =
      view && view.massing.offsets.length > 1 ? createMassingMesh(view.massing, exaggeration) : undefined;
    replaceChildren(massingRoot.current, disposeMesh, mesh);
  }, [view, exaggeration]);

  useEffect(() => {
    growthLayer.current?.dispose();
    growthLayer.current = view?.growth ? new GrowthLayer(view.growth, exaggeration) : null;
    const root = growthRoot.current;
    if (root) for (const child of [...root.children]) root.remove(child);
    if (growthLayer.current) {
      growthLayer.current.setYear(landuseUi.getState().growthYear);
      root?.add(growthLayer.current.mesh);
    }
  }, [view, exaggeration]);

  useEffect(() => {
    growthLayer.current?.setYear(growthYear);
  }, [growthYear]);

  useEffect(() => () => growthLayer.current?.dispose(), []);

  // every parcel's outline while a tool is active, so that the lots can be seen and picked
  useEffect(() => {
    const rings: OutlineRing[] =
      outlines && tool !== 'none'
        ? outlines.ids.map((_, k) => {
            const ring = parcelRing(outlines, k);
            return { ring, groundMetres: elevationAt(ring[0]!, ring[1]!), closed: true };
          })
        : [];
    replaceChildren(
      parcelRoot.current,
      disposeOutlines,
      rings.length > 0 ? createOutlines(rings, '#f8f4e3', exaggeration) : undefined,
    );
  }, [outlines, tool, exaggeration, elevationAt]);

  useEffect(() => {
    const rings: OutlineRing[] = [];
    if (outlines) {
      for (const k of selection) {
        const ring = parcelRing(outlines, k);
        rings.push({ ring, groundMetres: elevationAt(ring[0]!, ring[1]!), closed: true });
      }
    }
    const drawn = polygon ?? (drawing.length > 0 ? drawing : undefined);
    if (drawn) {
      const ring = drawn.flat();
      rings.push({ ring, groundMetres: elevationAt(ring[0]!, ring[1]!), closed: polygon !== undefined });
    }
    replaceChildren(
      outlineRoot.current,
      disposeOutlines,
      rings.length > 0 ? createOutlines(rings, '#ff00aa', exaggeration) : undefined,
    );
  }, [outlines, selection, drawing, polygon, exaggeration, elevationAt]);

  useEffect(() => {
    const canvas = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    let downX = 0;
    let downY = 0;
    const groundAt = (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      return groundPoint(raycaster.ray, elevationAt, exaggerationRef.current);
    };
    const onDown = (event: PointerEvent) => {
      downX = event.clientX;
      downY = event.clientY;
    };
    const onUp = (event: PointerEvent) => {
      const state = landuseUi.getState();
      if (state.tool === 'none' || event.button !== 0) return;
      if (Math.hypot(event.clientX - downX, event.clientY - downY) > CLICK_SLOP_PIXELS) return;
      const point = groundAt(event.clientX, event.clientY);
      if (!point) return;
      if (state.tool === 'select' && finder) {
        const k = finder(point[0], point[1]);
        if (k < 0) return;
        const selected = state.selection.includes(k)
          ? state.selection.filter((s) => s !== k)
          : [...state.selection, k];
        landuseUi.setState({ selection: selected, polygon: undefined, drawing: [] });
      } else if (state.tool === 'draw') {
        landuseUi.setState({
          drawing: [...(state.polygon ? [] : state.drawing), point],
          polygon: undefined,
          selection: [],
        });
      }
    };
    const finish = () => {
      const state = landuseUi.getState();
      if (state.tool !== 'draw') return;
      // a double-click also produced two clicks at the same place: drop the repeated vertex
      const vertices = state.drawing.filter(
        (v, i, all) => i === 0 || Math.hypot(v[0] - all[i - 1]![0], v[1] - all[i - 1]![1]) > 1,
      );
      if (vertices.length >= 3) landuseUi.setState({ polygon: vertices, drawing: [] });
    };
    const onKey = (event: KeyboardEvent) => {
      if (landuseUi.getState().tool !== 'draw') return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key === 'Enter') finish();
      if (event.key === 'Escape') landuseUi.setState({ drawing: [], polygon: undefined });
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('dblclick', finish);
    window.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('dblclick', finish);
      window.removeEventListener('keydown', onKey);
    };
  }, [gl, camera, finder, elevationAt]);

  useEffect(() => {
    window.__twin ??= {};
    const point = new Vector3();
    window.__twin.landuse = {
      /** Triangles of the proposed massing now in the scene. */
      massingTriangles() {
        let triangles = 0;
        massingRoot.current?.traverse((object) => {
          const position = (object as Mesh).geometry?.getAttribute('position');
          if (position) triangles += position.count / 3;
        });
        return triangles;
      },
      /** Growth cells drawn at the slider's year. */
      growthCellsShown: () => growthLayer.current?.mesh.count ?? 0,
      /** Canvas pixel (CSS px) of the centroid of an on-screen parcel of `zone`, nearest the centre. */
      findParcelPixel(zone: string) {
        const o = landuseUi.getState().outlines;
        if (!o || !finder) return null;
        const rect = gl.domElement.getBoundingClientRect();
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
    };
  }, [finder, camera, gl, elevationAt, exaggeration]);

  return (
    <group name="landuse-layers">
      <group ref={massingRoot} />
      <group ref={growthRoot} />
      <group ref={parcelRoot} />
      <group ref={outlineRoot} />
    </group>
  );
}
