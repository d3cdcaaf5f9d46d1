import {
  type Cartesian2,
  Cartesian3,
  Cartographic,
  Cesium3DTileFeature,
  type CesiumWidget,
  type ImageryLayer,
  Math as CesiumMath,
  type Primitive,
  type PrimitiveCollection,
  Rectangle,
  ScreenSpaceEventType,
  SplitDirection,
} from 'cesium';
import { formatNumber, type Language, type MessageKey, translate } from '../../i18n/index.ts';
import { LAND_USES } from '../../core/vocabulary.ts';
import { LAND_USE_COLOURS } from '../../render/city/cityColours.ts';
import type {
  SiteDepthGrid,
  SiteManifest,
  SiteScenario,
  SiteTrafficLines,
  SiteTrafficProperties,
} from '../../scenario/publishedSite.ts';
import { addBuildings, createOfflineWidget } from '../cesiumScene.ts';
import { el } from './dom.ts';
import { siteComments } from './siteComments.ts';
import {
  CLOSED_ROAD_COLOUR,
  classLabel,
  FLOOD_DEPTH_CLASSES,
  TRAFFIC_VOLUME_CLASSES,
} from './siteLegends.ts';
import {
  depthAt,
  floodLayer,
  massingPrimitive,
  REZONED_OUTLINE_COLOUR,
  trafficPrimitives,
  type ZoningPlan,
  zoningEditsLayer,
  zoningLayer,
} from './siteLayers.ts';
import { loadSiteGround, siteTerrainProvider } from './siteGround.ts';
import type { SiteMassing, SiteMassingProperties } from '../../scenario/siteMassing.ts';
import { type SiteZoningEdits, siteZoningEditAt } from '../../scenario/siteZoningEdits.ts';
import { parseSiteLink, siteLinkHash } from './siteLink.ts';
import { createSwipeBar } from './swipe.ts';
import type { SitePlace } from '../../scenario/sitePlaces.ts';
import { findPlace, type Wards } from './wardSearch.ts';

type LayerId = 'buildings' | 'massing' | 'zoning' | 'flood' | 'traffic';
const LAYERS: readonly LayerId[] = ['buildings', 'massing', 'zoning', 'flood', 'traffic'];
const LANGUAGE_KEY = 'twin-site-language';

/** Fetches a site file as JSON (site-relative URL). */
async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A legend swatch of `colour`. */
function swatch(colour: string, line = false): HTMLElement {
  return el('span', { class: line ? 'swatch line' : 'swatch', style: `background:${colour}` });
}

/** Scenario layers loaded once per scenario, shown for the selected one. */
interface ScenarioLayers {
  flood?: { grid: SiteDepthGrid; layer: ImageryLayer };
  traffic?: PrimitiveCollection;
  massing?: Primitive;
  zoningEdits?: { edits: SiteZoningEdits; layer: ImageryLayer };
}

/**
 * The public site: a CesiumJS globe with today's buildings, the zoning plan, and the selected
 * published scenario's flood depth and traffic volumes; beside it (below it on a phone) the
 * scenario list, its description, assumptions and KPI cards, layer switches with legends, ward
 * search and what was tapped on the map. `?test` draws without HDR, fog, FXAA or MSAA.
 */
export async function startSite(root: HTMLElement): Promise<void> {
  const plain = new URLSearchParams(location.search).has('test');
  const link = parseSiteLink(location.hash);
  let language: Language = link.language ?? (localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi');
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  /** A land-use code in words (the code itself when it is not in the vocabulary). */
  const landUseName = (use: string) =>
    (LAND_USES as readonly string[]).includes(use) ? t(`landUse.${use}` as MessageKey) : use;
  const manifest = await fetchJson<SiteManifest>('data/site.json');
  let selected: SiteScenario =
    manifest.scenarios.find((s) => s.id === link.scenario) ?? manifest.scenarios[0]!;
  const visible: Record<LayerId, boolean> = {
    buildings: true,
    massing: true,
    zoning: false,
    flood: true,
    traffic: true,
  };
  /** Swipe comparison: the selected scenario's flood on the left, the other one's on the right. */
  let comparing = false;
  let info = '';
  let errorText = '';

  const map = el('div', { class: 'site-map', 'data-testid': 'site-map' });
  const attribution = el('div', { class: 'site-attribution', 'data-testid': 'attribution' });
  const mapFrame = el('div', { class: 'site-map-frame' }, map, attribution);
  const panel = el('div', { class: 'site-panel' });
  const header = el('header', { class: 'site-header' });
  root.replaceChildren(header, el('main', { class: 'site-main' }, mapFrame, panel));

  const ground = await loadSiteGround(manifest.terrain);
  const groundAt = ground?.at ?? (() => 0);
  const widget: CesiumWidget = createOfflineWidget(map, {
    plain,
    ...(ground ? { terrainProvider: siteTerrainProvider(ground) } : {}),
  });
  if (ground) map.dataset.terrain = `${ground.lattice.columns}x${ground.lattice.rows}`;
  /** The ground point under a screen position (the terrain, else the ellipsoid). */
  const pickGround = (position: Cartesian2): Cartesian3 | undefined => {
    const ray = widget.camera.getPickRay(position);
    return (ray && widget.scene.globe.pick(ray, widget.scene)) ?? widget.camera.pickEllipsoid(position);
  };
  if (plain) {
    // for the e2e test: the drawn globe's height at a point (the loaded terrain tiles), metres
    (window as unknown as { __siteGlobeHeight: unknown }).__siteGlobeHeight = (lon: number, lat: number) => {
      widget.scene.requestRender(); // lets the globe go on refining while the test polls
      return widget.scene.globe.getHeight(Cartographic.fromDegrees(lon, lat));
    };
  }
  if (link.view)
    widget.camera.setView({
      destination: Cartesian3.fromDegrees(link.view.longitude, link.view.latitude, link.view.heightMetres),
      orientation: {
        heading: CesiumMath.toRadians(link.view.headingDegrees),
        pitch: CesiumMath.toRadians(link.view.pitchDegrees),
        roll: 0,
      },
    });
  /** Keeps the share link (URL hash) on the scenario, language and camera view shown. */
  const updateLink = () => {
    const camera = Cartographic.fromCartesian(widget.camera.positionWC);
    const view = {
      longitude: CesiumMath.toDegrees(camera.longitude),
      latitude: CesiumMath.toDegrees(camera.latitude),
      heightMetres: camera.height,
      headingDegrees: CesiumMath.toDegrees(widget.camera.heading),
      pitchDegrees: CesiumMath.toDegrees(widget.camera.pitch),
    };
    history.replaceState(null, '', siteLinkHash({ scenario: selected.id, language, view }));
  };
  widget.camera.moveEnd.addEventListener(updateLink);
  const swipeBar = createSwipeBar(widget, mapFrame);
  /** The scenario shown right of the swipe bar. */
  const comparedWith = () => manifest.scenarios.find((s) => s.id !== selected.id);
  const layers = new Map<string, Promise<ScenarioLayers>>();
  let zoning: ImageryLayer | undefined;
  let zoningLegend: Array<{ use: string; vi: string; en: string }> = [];
  const report = (error: unknown) => {
    errorText = String(error instanceof Error ? error.message : error);
    render();
  };
  const buildings = addBuildings(widget, manifest.buildings, map);
  buildings.catch(report);
  /** Settles once the zoning plan is on the globe (or failed): rezoned areas are laid over it. */
  const zoningPlanAdded = fetchJson<ZoningPlan>(manifest.zoning)
    .then(async (plan) => {
      const seen = new Map<string, { use: string; vi: string; en: string }>();
      for (const f of plan.features) seen.set(f.properties.use, f.properties);
      zoningLegend = [...seen.values()];
      const layer = await zoningLayer(plan);
      widget.imageryLayers.add(layer);
      zoning = layer;
      applyVisibility();
      render();
    })
    .catch(report);
  const comments = siteComments({
    widget,
    endpoint: manifest.commentsEndpoint,
    t,
    language: () => language,
    scenario: () => selected.id,
    render: () => render(),
    groundAt,
  });
  const wards = fetchJson<Wards>(manifest.wards);
  wards.catch(report);
  const places = fetchJson<SitePlace[]>(manifest.places);
  places.catch(report);

  /** Loads (once) and returns the selected scenario's layers. */
  function layersOf(scenario: SiteScenario): Promise<ScenarioLayers> {
    let loaded = layers.get(scenario.id);
    if (!loaded) {
      loaded = (async () => {
        const result: ScenarioLayers = {};
        if (scenario.floodMaxDepth) {
          const grid = await fetchJson<SiteDepthGrid>(scenario.floodMaxDepth);
          const layer = await floodLayer(grid);
          widget.imageryLayers.add(layer);
          result.flood = { grid, layer };
        }
        if (scenario.trafficVolumes) {
          const lines = await fetchJson<SiteTrafficLines>(scenario.trafficVolumes);
          result.traffic = widget.scene.primitives.add(
            trafficPrimitives(lines, groundAt),
          ) as PrimitiveCollection;
        }
        if (scenario.proposedMassing) {
          const massing = await fetchJson<SiteMassing>(scenario.proposedMassing);
          result.massing = widget.scene.primitives.add(massingPrimitive(massing, groundAt)) as Primitive;
        }
        if (scenario.zoningEdits) {
          const edits = await fetchJson<SiteZoningEdits>(scenario.zoningEdits);
          const layer = await zoningEditsLayer(edits);
          await zoningPlanAdded;
          widget.imageryLayers.add(layer);
          result.zoningEdits = { edits, layer };
        }
        return result;
      })();
      layers.set(scenario.id, loaded);
    }
    return loaded;
  }

  function applyVisibility(): void {
    if (zoning) zoning.show = visible.zoning;
    widget.scene.requestRender();
    void buildings.then(
      (tileset) => {
        tileset.show = visible.buildings;
        widget.scene.requestRender();
      },
      () => {},
    );
    const right = comparing ? comparedWith() : undefined;
    swipeBar.hidden = !right;
    if (right) swipeBar.title = `${selected.name[language]} | ${right.name[language]}`;
    for (const scenario of manifest.scenarios) {
      void layersOf(scenario).then((loaded) => {
        const current = scenario.id === selected.id;
        if (loaded.flood) {
          loaded.flood.layer.show = (current || scenario.id === right?.id) && visible.flood;
          loaded.flood.layer.splitDirection = !right
            ? SplitDirection.NONE
            : current
              ? SplitDirection.LEFT
              : SplitDirection.RIGHT;
        }
        // lines cannot be split: the comparison shows the selected scenario's traffic only
        if (loaded.traffic) loaded.traffic.show = current && visible.traffic;
        if (loaded.massing) {
          loaded.massing.show = current && visible.massing;
          if (current) map.dataset.massing = String(loaded.massing.show);
        }
        if (loaded.zoningEdits) loaded.zoningEdits.layer.show = current && visible.zoning;
        if (current) map.dataset.zoningEdits = String(loaded.zoningEdits?.layer.show ?? false);
        widget.scene.requestRender();
      }, report);
    }
  }

  widget.screenSpaceEventHandler.setInputAction((click: { position: { x: number; y: number } }) => {
    if (comments.onMapClick(pickGround(click.position as Cartesian2))) return;
    const picked = widget.scene.pick(click.position as never) as { id?: unknown } | undefined;
    if (picked instanceof Cesium3DTileFeature) {
      info = t('site.info.building', {
        id: String(picked.getProperty('id')),
        use: String(picked.getProperty('use')),
        floors: String(picked.getProperty('floors')),
        height: formatNumber(language, Number(picked.getProperty('heightMetres')), 1),
      });
    } else if (picked?.id && typeof picked.id === 'object' && 'floorAreaRatio' in picked.id) {
      const building = picked.id as SiteMassingProperties;
      info = t('site.info.massing', {
        parcel: building.parcel,
        zone: building.zone,
        use: landUseName(building.use),
        floors: building.floors,
        height: formatNumber(language, building.heightMetres, 1),
        far: formatNumber(language, building.floorAreaRatio, 2),
        area: formatNumber(language, building.grossFloorAreaM2),
      });
    } else if (picked?.id && typeof picked.id === 'object' && 'volumePcuPerHour' in picked.id) {
      const road = picked.id as SiteTrafficProperties;
      info = road.closed
        ? t('site.info.closed')
        : t('site.info.traffic', {
            volume: formatNumber(language, road.volumePcuPerHour),
            capacity: formatNumber(language, road.capacityPcuPerHour),
          });
    } else {
      const position = pickGround(click.position as Cartesian2);
      if (!position) return;
      const point = Cartographic.fromCartesian(position);
      const [longitude, latitude] = [
        CesiumMath.toDegrees(point.longitude),
        CesiumMath.toDegrees(point.latitude),
      ];
      void layersOf(selected).then((loaded) => {
        const depth = loaded.flood ? depthAt(loaded.flood.grid, longitude, latitude) : 0;
        const flood =
          depth > 0 ? t('site.info.flood', { depth: formatNumber(language, depth, 2) }) : t('site.info.dry');
        const edit =
          loaded.zoningEdits?.layer.show && siteZoningEditAt(loaded.zoningEdits.edits, longitude, latitude);
        info = edit
          ? `${t('site.info.rezoned', {
              zone: edit.zone,
              use: landUseName(edit.use),
              far: formatNumber(language, edit.maxFAR, 1),
              height: formatNumber(language, edit.maxHeightMetres),
              coverage: formatNumber(language, edit.maxCoverage * 100),
              green: formatNumber(language, edit.minGreenRatio * 100),
            })} · ${flood}`
          : flood;
        render();
      }, report);
      return;
    }
    render();
  }, ScreenSpaceEventType.LEFT_CLICK);

  async function searchPlace(query: string): Promise<void> {
    const ward = findPlace(await wards, await places, query);
    if (!ward) {
      info = t('site.search.notFound', { query });
    } else {
      info = ward.name;
      widget.camera.flyTo({ destination: Rectangle.fromDegrees(...ward.bounds), duration: plain ? 0 : 1.5 });
    }
    render();
  }

  function legendOf(layer: LayerId): HTMLElement {
    const items = el('ul', { class: 'legend' });
    const depth = (v: number) => formatNumber(language, v, 2);
    const volume = (v: number) => formatNumber(language, v);
    if (layer === 'buildings' || layer === 'zoning') {
      for (const item of zoningLegend) {
        const colour = LAND_USE_COLOURS[item.use as keyof typeof LAND_USE_COLOURS] ?? '#cccccc';
        items.append(el('li', {}, swatch(colour), item[language]));
      }
      if (layer === 'zoning' && selected.zoningEdits) {
        const outline = el('span', {
          class: 'swatch outline',
          style: `border-color:${REZONED_OUTLINE_COLOUR}`,
        });
        items.append(el('li', { 'data-testid': 'rezoned-legend' }, outline, t('site.legend.rezoned')));
      }
    } else if (layer === 'massing') {
      if (!selected.proposedMassing) return el('p', { class: 'legend-missing' }, t('site.legend.missing'));
      items.append(
        el('li', {}, swatch('#bbbbbb'), t('site.legend.today')),
        el('li', {}, swatch('rgba(187, 187, 187, 0.45)'), t('site.legend.proposed')),
      );
    } else if (layer === 'flood') {
      if (!selected.floodMaxDepth) return el('p', { class: 'legend-missing' }, t('site.legend.missing'));
      items.append(el('li', { class: 'legend-unit' }, t('site.legend.depth')));
      for (const [i, c] of FLOOD_DEPTH_CLASSES.entries())
        items.append(el('li', {}, swatch(c.colour), classLabel(FLOOD_DEPTH_CLASSES, i, depth)));
    } else {
      if (!selected.trafficVolumes) return el('p', { class: 'legend-missing' }, t('site.legend.missing'));
      items.append(el('li', { class: 'legend-unit' }, t('site.legend.volume')));
      for (const [i, c] of TRAFFIC_VOLUME_CLASSES.entries())
        items.append(el('li', {}, swatch(c.colour, true), classLabel(TRAFFIC_VOLUME_CLASSES, i, volume)));
      items.append(el('li', {}, swatch(CLOSED_ROAD_COLOUR, true), t('site.legend.closed')));
    }
    return items;
  }

  function render(): void {
    document.documentElement.lang = language;
    updateLink();
    const switchLanguage = el(
      'button',
      { type: 'button', 'data-testid': 'language-switch' },
      t('app.switchLanguage'),
    );
    switchLanguage.addEventListener('click', () => {
      language = language === 'vi' ? 'en' : 'vi';
      localStorage.setItem(LANGUAGE_KEY, language);
      info = '';
      render();
    });
    header.replaceChildren(el('h1', {}, t('app.title'), el('small', {}, t('viewer.title'))), switchLanguage);
    attribution.replaceChildren(`${t('attribution.osm')} · ${t('attribution.synthetic')} · CesiumJS`);

    const list = el('ul', { class: 'scenario-list', 'data-testid': 'scenario-list' });
    for (const scenario of manifest.scenarios) {
      const button = el(
        'button',
        { type: 'button', 'aria-pressed': String(scenario.id === selected.id), 'data-scenario': scenario.id },
        el('span', { class: 'name-vi' }, scenario.name.vi),
        ...(language === 'en' ? [el('span', { class: 'name-en' }, scenario.name.en)] : []),
      );
      button.addEventListener('click', () => {
        selected = scenario;
        info = '';
        comments.drawPins();
        applyVisibility();
        render();
      });
      list.append(el('li', {}, button));
    }

    const assumptions = el('ul', { class: 'assumptions' });
    for (const a of selected.assumptions) {
      const kind = a.kind === 'year' ? 'site.assumption.year' : (`edit.${a.kind}` as MessageKey);
      assumptions.append(el('li', {}, `${t(kind)}: ${a.detail}`));
    }
    const cards = el('div', { class: 'kpi-cards', 'data-testid': 'kpi-cards' });
    for (const kpi of selected.kpis) {
      const digits = Math.abs(kpi.value) >= 100 ? 0 : 2;
      cards.append(
        el(
          'div',
          { class: 'kpi-card' },
          el('span', { class: 'kpi-label' }, kpi.label[language]),
          el('strong', {}, formatNumber(language, kpi.value, digits)),
          el('span', { class: 'kpi-unit' }, kpi.unit),
        ),
      );
    }

    const layerList = el('div', { class: 'layer-list' });
    const other = comparedWith();
    if (other) {
      const box = el('input', { type: 'checkbox', 'data-testid': 'compare' }) as HTMLInputElement;
      box.checked = comparing;
      box.addEventListener('change', () => {
        comparing = box.checked;
        applyVisibility();
        render();
      });
      layerList.append(
        el(
          'fieldset',
          {},
          el('label', {}, box, t('site.compare')),
          ...(comparing
            ? [
                el(
                  'p',
                  { class: 'legend-missing' },
                  t('site.compare.sides', { left: selected.name[language], right: other.name[language] }),
                ),
              ]
            : []),
        ),
      );
    }
    for (const layer of LAYERS) {
      const box = el('input', { type: 'checkbox', 'data-layer': layer }) as HTMLInputElement;
      box.checked = visible[layer];
      box.addEventListener('change', () => {
        visible[layer] = box.checked;
        applyVisibility();
      });
      layerList.append(el('fieldset', {}, el('label', {}, box, t(`site.layer.${layer}`)), legendOf(layer)));
    }

    const search = el('form', { class: 'ward-search', role: 'search' }) as HTMLFormElement;
    const input = el('input', {
      type: 'search',
      'aria-label': t('site.search'),
      placeholder: t('site.search'),
    }) as HTMLInputElement;
    search.append(input, el('button', { type: 'submit' }, t('site.search.go')));
    search.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) void searchPlace(input.value.trim());
    });

    panel.replaceChildren(
      search,
      el('h2', {}, t('site.scenarios')),
      list,
      el(
        'section',
        { class: 'scenario-detail', 'data-testid': 'scenario-detail' },
        el('h3', {}, selected.name[language]),
        el('p', {}, selected.description[language]),
        el('h4', {}, t('site.assumptions')),
        assumptions,
        el('h4', {}, t('site.kpis')),
        cards,
      ),
      el('h2', {}, t('site.layers')),
      layerList,
      comments.section(),
      el(
        'section',
        { class: 'site-info', 'aria-live': 'polite' },
        el('h4', {}, t('site.info')),
        info || t('site.info.hint'),
      ),
      ...(errorText
        ? [el('p', { class: 'error', role: 'alert' }, t('viewer.loadError', { message: errorText }))]
        : []),
    );
  }

  render();
  applyVisibility();
  comments.drawPins();
  root.dataset.siteReady = 'true';
}
