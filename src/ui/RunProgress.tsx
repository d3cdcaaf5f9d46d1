import { useT } from './context.tsx';

/** A long run's progress bar with its cancel button (test ids `<name>-progress`, `<name>-cancel`). */
export function RunProgress({
  name,
  progress,
  onCancel,
}: {
  name: string;
  progress: number;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <div className="run-progress">
      <progress
        data-testid={`${name}-progress`}
        max={1}
        value={progress}
        aria-label={t('run.progress', { percent: Math.round(progress * 100) })}
      />
      <button type="button" data-testid={`${name}-cancel`} onClick={onCancel}>
        {t('run.cancel')}
      </button>
    </div>
  );
}
