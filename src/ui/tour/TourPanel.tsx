import { useMemo, useRef, useState } from 'react';
import { InputError } from '../../core/errors.ts';
import { parseTour, type Tour } from '../../scenario/tour.ts';
import { addStopFromView, moveStop, removeStop, setStopCaption } from '../../scenario/tourEditing.ts';
import { encodeTourShareCode } from '../../scenario/tourShareLink.ts';
import { useApp, useScenarios, useT } from '../context.tsx';
import { downloadText } from '../download.ts';
import { currentTourView } from './currentView.ts';
import { useTourReferences, useUserTour } from './useTour.ts';
import { userTour } from './userTour.ts';

/**
 * The workbench's tour editor: start from the shipped tour, add a stop from the current view
 * (showing the current scenario), reorder, edit captions in both languages, delete, preview a
 * stop in presentation mode, export and import the `twin-tour/1` file, make a share link that
 * opens the tour in presentation mode (`#/presentation?tour=CODE`). The tour is kept in this
 * browser and played by presentation mode; while it has problems (an empty caption) they are
 * listed and export is off.
 */
export function TourPanel() {
  const t = useT();
  const language = useApp((s) => s.language);
  const tour = useUserTour((s) => s.tour);
  const problem = useUserTour((s) => s.problem);
  const problemKey = useUserTour((s) => s.problemKey);
  const hasPrevious = useUserTour((s) => s.hasPrevious);
  // the share link of the tour as it was when made (not shown once the tour is edited)
  const [share, setShare] = useState<{ of: Tour } & ({ url: string } | { failed: string })>();
  const currentId = useScenarios((s) => s.currentId);
  const { shipped, references } = useTourReferences();
  const fileInput = useRef<HTMLInputElement>(null);
  const problems = useMemo(() => {
    if (!tour) return [];
    try {
      parseTour(JSON.parse(JSON.stringify(tour)), references);
      return [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error.problems.map((p) => `${p.path}: ${p.message}`);
    }
  }, [tour, references]);
  const names = new Map(references.scenarios.map((s) => [s.id, s.name[language]]));
  const { setTour } = userTour.getState();

  const addStop = () => {
    const view = currentTourView();
    if (!tour || !view) return;
    setTour(addStopFromView(tour, view, currentId, { vi: 'Điểm dừng mới', en: 'New stop' }));
  };

  const makeShareLink = () => {
    if (!tour) return;
    try {
      const url = `${window.location.origin}${window.location.pathname}#/presentation?tour=${encodeTourShareCode(tour)}`;
      void navigator.clipboard?.writeText(url).catch(() => {});
      setShare({ of: tour, url });
    } catch (error) {
      setShare({ of: tour, failed: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="tour-editor-title" className="tour-editor" data-testid="tour-editor">
      <h2 id="tour-editor-title">{t('tour.editorTitle')}</h2>
      {problem && (
        <p role="alert" className="error" data-testid="tour-error">
          {problemKey ? t(problemKey, { detail: problem }) : problem}{' '}
          <button type="button" onClick={() => userTour.getState().dismissProblem()}>
            {t('tour.dismiss')}
          </button>
        </p>
      )}
      {!tour ? (
        <button
          type="button"
          data-testid="tour-start"
          disabled={!shipped.ok}
          onClick={() => shipped.ok && setTour(shipped.tour)}
        >
          {t('tour.startFromShipped')}
        </button>
      ) : (
        <>
          <ol className="tour-stop-list" data-testid="tour-stop-list">
            {tour.stops.map((stop, i) => (
              <li key={stop.id} data-stop={stop.id}>
                <span className="tour-stop-scenario">
                  {(stop.compare ? [stop.compare.a, stop.compare.b] : [stop.scenario ?? ''])
                    .map((id) => names.get(id) ?? id)
                    .join(' → ')}
                </span>
                {(['vi', 'en'] as const).map((lang) => (
                  <label key={lang}>
                    {t(lang === 'vi' ? 'tour.captionVi' : 'tour.captionEn')}
                    <textarea
                      data-testid={`tour-caption-${lang}-${i}`}
                      value={stop.caption[lang]}
                      rows={2}
                      onChange={(e) => setTour(setStopCaption(tour, i, lang, e.target.value))}
                    />
                  </label>
                ))}
                <div className="button-row">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={t('tour.moveUp', { n: i + 1 })}
                    onClick={() => setTour(moveStop(tour, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === tour.stops.length - 1}
                    aria-label={t('tour.moveDown', { n: i + 1 })}
                    onClick={() => setTour(moveStop(tour, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    disabled={tour.stops.length <= 1}
                    data-testid={`tour-delete-${i}`}
                    onClick={() => setTour(removeStop(tour, i))}
                  >
                    {t('tour.delete')}
                  </button>
                  <a href={`#/presentation?stop=${i + 1}`} data-testid={`tour-preview-${i}`}>
                    {t('tour.preview')}
                  </a>
                </div>
              </li>
            ))}
          </ol>
          {problems.length > 0 && (
            <ul role="alert" className="error" data-testid="tour-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" data-testid="tour-add-stop" onClick={addStop}>
              {t('tour.addStop')}
            </button>
            <button
              type="button"
              data-testid="tour-export"
              disabled={problems.length > 0}
              onClick={() =>
                downloadText(`${tour.id}.json`, `${JSON.stringify(tour, null, 2)}\n`, 'application/json')
              }
            >
              {t('scenario.export')}
            </button>
            <button
              type="button"
              data-testid="tour-share"
              disabled={problems.length > 0}
              onClick={makeShareLink}
            >
              {t('tour.share')}
            </button>
            <button type="button" onClick={() => setTour(null)}>
              {t('tour.discard')}
            </button>
          </div>
          {share?.of === tour &&
            ('url' in share ? (
              <label className="tour-share">
                {t('tour.shareCopied')}
                <input
                  readOnly
                  data-testid="tour-share-url"
                  aria-label={t('tour.shareUrl')}
                  value={share.url}
                  onFocus={(e) => e.target.select()}
                />
              </label>
            ) : (
              <p role="alert" className="error">
                {t('tour.shareFailed', { detail: share.failed })}
              </p>
            ))}
        </>
      )}
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('tour.import')}
      </button>
      {hasPrevious && (
        <button
          type="button"
          data-testid="tour-restore-previous"
          onClick={() => userTour.getState().restorePrevious(references)}
        >
          {t('tour.restorePrevious')}
        </button>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="tour-import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            void file.text().then((text) => userTour.getState().importText(text, file.name, references));
          e.target.value = '';
        }}
      />
    </section>
  );
}
