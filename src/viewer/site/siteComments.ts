import {
  Cartesian3,
  Cartographic,
  type CesiumWidget,
  Color,
  Math as CesiumMath,
  PointPrimitiveCollection,
} from 'cesium';
import { InputError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import {
  commentsGeoJson,
  commentsText,
  newComment,
  type PublicComment,
  storedComments,
} from '../../scenario/publicComments.ts';
import { el } from './dom.ts';

/** Where the browser keeps the reader's comments. */
const COMMENTS_KEY = 'twin-site-comments';
const PIN_COLOUR = Color.fromCssColorString('#d81b60');
const DRAFT_COLOUR = Color.fromCssColorString('#ffb300');

/** What the comments section needs from the site. */
export interface SiteCommentsContext {
  widget: CesiumWidget;
  /** The publisher's endpoint (a path on the site's host), or undefined: export only. */
  endpoint: string | undefined;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  language: () => 'vi' | 'en';
  /** The published scenario shown now. */
  scenario: () => string;
  /** Draws the panel again. */
  render: () => void;
  /** Ground height at a longitude/latitude, metres (the site's terrain): pins stand 2 m above it. */
  groundAt: (longitude: number, latitude: number) => number;
}

/**
 * Public comments (góp ý) on the site (src/scenario/publicComments.ts): "Drop a pin" makes the
 * next map click place a draft pin; the reader writes the comment and saves it. Comments are kept
 * in this browser (localStorage), drawn as pins for the scenario shown, exported as GeoJSON, and
 * sent to the publisher's endpoint when the site has one.
 */
export function siteComments(context: SiteCommentsContext) {
  const { widget, t } = context;
  let comments = storedComments(localStorage.getItem(COMMENTS_KEY));
  let pinning = false;
  let draft: { longitude: number; latitude: number; text: string } | undefined;
  let message = '';
  const pins = widget.scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;

  const save = (next: PublicComment[]) => {
    comments = next;
    localStorage.setItem(COMMENTS_KEY, commentsText(comments));
  };
  const shown = () => comments.filter((c) => c.scenario === context.scenario());

  /** Redraws the pins of the scenario shown and the draft pin. */
  function drawPins(): void {
    pins.removeAll();
    const pin = (longitude: number, latitude: number, color: Color) =>
      pins.add({
        position: Cartesian3.fromDegrees(longitude, latitude, context.groundAt(longitude, latitude) + 2),
        color,
        pixelSize: 14,
        outlineColor: Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    for (const c of shown()) pin(c.longitude, c.latitude, PIN_COLOUR);
    if (draft) pin(draft.longitude, draft.latitude, DRAFT_COLOUR);
    widget.scene.requestRender();
  }

  function saveDraft(): void {
    if (!draft) return;
    try {
      const comment = newComment({
        id: `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
        scenario: context.scenario(),
        longitude: draft.longitude,
        latitude: draft.latitude,
        text: draft.text,
        createdAt: new Date().toISOString(),
      });
      save([...comments, comment]);
      draft = undefined;
      message = t('site.comments.saved');
    } catch (error) {
      message = error instanceof InputError ? error.message : String(error);
    }
    drawPins();
    context.render();
  }

  function exportGeoJson(): void {
    const blob = new Blob([JSON.stringify(commentsGeoJson(shown()), null, 2)], {
      type: 'application/geo+json',
    });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `gop-y-${context.scenario()}.geojson` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function send(endpoint: string): Promise<void> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/geo+json' },
        body: JSON.stringify(commentsGeoJson(shown())),
      });
      message = response.ok
        ? t('site.comments.sent', { count: shown().length })
        : t('site.comments.sendFailed', { detail: `HTTP ${response.status}` });
    } catch (error) {
      message = t('site.comments.sendFailed', { detail: String(error) });
    }
    context.render();
  }

  const button = (
    label: string,
    testId: string,
    onClick: () => void,
    attributes: Record<string, string> = {},
  ) => {
    const node = el('button', { type: 'button', 'data-testid': testId, ...attributes }, label);
    node.addEventListener('click', onClick);
    return node;
  };

  return {
    /** Handles a map click while dropping a pin (returns true); otherwise leaves it to the site. */
    onMapClick(position: Cartesian3 | undefined): boolean {
      if (!pinning) return false;
      if (position) {
        const point = Cartographic.fromCartesian(position);
        draft = {
          longitude: CesiumMath.toDegrees(point.longitude),
          latitude: CesiumMath.toDegrees(point.latitude),
          text: draft?.text ?? '',
        };
        pinning = false;
        message = '';
        drawPins();
        context.render();
      }
      return true;
    },

    /** Called when the scenario shown changes: its pins. */
    drawPins,

    /** The panel section: drop a pin, the draft, the list, export and send. */
    section(): HTMLElement {
      const section = el(
        'section',
        { class: 'site-comments', 'data-testid': 'comments' },
        el('h2', {}, t('site.comments')),
      );
      section.append(
        el('p', { class: 'legend-missing' }, t('site.comments.about')),
        button(
          pinning ? t('site.comments.pinning') : t('site.comments.pin'),
          'comment-pin',
          () => {
            pinning = !pinning;
            context.render();
          },
          { 'aria-pressed': String(pinning) },
        ),
      );
      if (draft) {
        const text = el('textarea', {
          'data-testid': 'comment-text',
          'aria-label': t('site.comments.text'),
          maxlength: '2000',
          rows: '3',
        }) as HTMLTextAreaElement;
        text.value = draft.text;
        text.addEventListener('input', () => {
          if (draft) draft.text = text.value;
        });
        section.append(
          el('label', {}, t('site.comments.text'), text),
          button(t('site.comments.save'), 'comment-save', saveDraft),
          button(t('site.comments.cancel'), 'comment-cancel', () => {
            draft = undefined;
            drawPins();
            context.render();
          }),
        );
      }
      if (message) section.append(el('p', { role: 'status', 'data-testid': 'comment-message' }, message));
      const list = el('ul', { class: 'comment-list', 'data-testid': 'comment-list' });
      for (const c of shown()) {
        const remove = button(t('site.comments.delete'), 'comment-delete', () => {
          save(comments.filter((other) => other.id !== c.id));
          drawPins();
          context.render();
        });
        list.append(
          el(
            'li',
            {},
            el(
              'time',
              { datetime: c.createdAt },
              new Date(c.createdAt).toLocaleString(context.language() === 'vi' ? 'vi-VN' : 'en-GB'),
            ),
            ` ${c.text} `,
            remove,
          ),
        );
      }
      section.append(list);
      if (shown().length > 0) {
        section.append(button(t('site.comments.export'), 'comment-export', exportGeoJson));
        if (context.endpoint) {
          const endpoint = context.endpoint;
          section.append(button(t('site.comments.send'), 'comment-send', () => void send(endpoint)));
        }
      }
      return section;
    },
  };
}
