import { useEffect, useRef, useState } from 'react';
import { encodeShareCode } from '../scenario/shareLink.ts';
import { useApp, useScenarioStore, useScenarios, useT } from './context.tsx';
import { downloadText } from './download.ts';

/**
 * Scenario picker and edit list with undo/redo (buttons and Ctrl+Z / Ctrl+Y), duplicate,
 * export/import as a file and a share link. The store's notices (a refused import with where and
 * why, an import added as a copy, autosave problems) are shown until dismissed; saved scenarios
 * that no longer validate are listed with the reason, to download and fix or discard.
 */
export function ScenarioPanel() {
  const t = useT();
  const language = useApp((s) => s.language);
  const store = useScenarioStore();
  const order = useScenarios((s) => s.order);
  const scenarios = useScenarios((s) => s.scenarios);
  const current = useScenarios((s) => s.scenarios[s.currentId]);
  const canUndo = useScenarios((s) => s.past.length > 0);
  const canRedo = useScenarios((s) => s.future.length > 0);
  const notices = useScenarios((s) => s.notices);
  const invalidSaved = useScenarios((s) => s.invalidSaved);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  if (!current) return null;
  const duplicate = () => {
    let n = 1;
    while (store.getState().scenarios[`${current.id}-${n}`]) n++;
    store.getState().duplicate(`${current.id}-${n}`, {
      vi: `${current.name.vi} (bản sao ${n})`,
      en: `${current.name.en} (copy ${n})`,
    });
  };
  const share = async () => {
    try {
      const url = `${window.location.origin}${window.location.pathname}#/workbench?s=${encodeShareCode(current)}`;
      await navigator.clipboard?.writeText(url).catch(() => {});
      setNotice(t('scenario.shareCopied'));
      window.history.replaceState(null, '', url);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      store.getState().notify({ key: 'notice.shareLinkRefused', detail, severity: 'error' });
    }
  };

  return (
    <section aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">{t('panel.scenarios')}</h2>
      <label>
        {t('scenario.current')}{' '}
        <select
          data-testid="scenario-select"
          value={current.id}
          onChange={(e) => store.getState().select(e.target.value)}
        >
          {order.map((id) => (
            <option key={id} value={id}>
              {scenarios[id]?.name[language] ?? id}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" data-testid="scenario-duplicate" onClick={duplicate}>
          {t('scenario.duplicate')}
        </button>
        <button
          type="button"
          data-testid="scenario-undo"
          disabled={!canUndo}
          onClick={() => store.getState().undo()}
        >
          {t('scenario.undo')}
        </button>
        <button
          type="button"
          data-testid="scenario-redo"
          disabled={!canRedo}
          onClick={() => store.getState().redo()}
        >
          {t('scenario.redo')}
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            downloadText(`${current.id}.json`, `${JSON.stringify(current, null, 2)}\n`, 'application/json')
          }
        >
          {t('scenario.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('scenario.import')}
        </button>
        <input
          ref={fileInput}
          data-testid="scenario-import"
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void store.getState().importFile(file);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={share}>
          {t('scenario.share')}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {notices.map((notice, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: notices have no identity; dismissing re-keys them
          key={i}
          className={notice.severity === 'error' ? 'error' : 'notice'}
          role={notice.severity === 'error' ? 'alert' : 'status'}
          data-testid={notice.severity === 'error' ? 'scenario-error' : 'scenario-notice'}
        >
          {t(notice.key, { detail: notice.detail })}{' '}
          <button type="button" onClick={() => store.getState().dismissNotice(i)}>
            {t('scenario.dismiss')}
          </button>
        </div>
      ))}
      {invalidSaved.length > 0 && (
        <>
          <h3>{t('scenario.invalidSaved')}</h3>
          <ul className="edit-list" data-testid="invalid-scenarios">
            {invalidSaved.map((invalid, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids of invalid documents may repeat
              <li key={i} className="error">
                {t('scenario.invalidReason', { id: invalid.id, reason: invalid.reason })}{' '}
                <button
                  type="button"
                  onClick={() =>
                    downloadText(
                      `${invalid.id}.json`,
                      `${JSON.stringify(invalid.document, null, 2)}\n`,
                      'application/json',
                    )
                  }
                >
                  {t('scenario.exportInvalid')}
                </button>{' '}
                <button type="button" onClick={() => store.getState().discardInvalid(i)}>
                  {t('scenario.discardInvalid', { id: invalid.id })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('scenario.edits', { count: current.edits.length })}</h3>
      {current.edits.length === 0 ? (
        <p className="muted">{t('scenario.noEdits')}</p>
      ) : (
        <ul className="edit-list" data-testid="edit-list">
          {current.edits.map((edit) => (
            <li key={edit.id}>
              {t(`edit.${edit.type}`)} <code>{edit.id}</code>{' '}
              <button
                type="button"
                aria-label={t('scenario.removeEdit', { id: edit.id })}
                onClick={() => store.getState().removeEdit(edit.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
