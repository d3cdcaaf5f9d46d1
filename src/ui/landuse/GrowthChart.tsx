/** Urban area by year of a growth run as a small SVG line chart, with the slider's year marked. */
import { useT } from '../context.tsx';

/** The chart; `urbanCellsByYear[i]` is the urban cell count at the end of `years[i + 1]`. */
export function GrowthChart({
  years,
  urbanCellsByYear,
  cellHectares,
  year,
}: {
  years: readonly number[];
  urbanCellsByYear: readonly number[];
  cellHectares: number;
  year: number;
}) {
  const t = useT();
  const width = 260;
  const height = 90;
  const pad = 28;
  const points = urbanCellsByYear.map(
    (cells, i) => [years[i + 1] ?? years[i] ?? 0, cells * cellHectares] as const,
  );
  if (points.length < 2) return null;
  const [x0, x1] = [points[0]![0], points.at(-1)![0]];
  const [y0, y1] = [points[0]![1], points.at(-1)![1]];
  const sx = (x: number) => pad + ((x - x0) / Math.max(1, x1 - x0)) * (width - pad - 6);
  const sy = (y: number) => height - 16 - ((y - y0) / Math.max(1, y1 - y0)) * (height - 26);
  return (
    <svg width={width} height={height} role="img" aria-label={t('growth.chart')} data-testid="growth-chart">
      <polyline
        fill="none"
        stroke="#d9480f"
        strokeWidth={2}
        points={points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')}
      />
      <line x1={sx(year)} x2={sx(year)} y1={4} y2={height - 16} stroke="#1b2a33" strokeDasharray="3 2" />
      <text x={pad} y={height - 3} fontSize={10}>
        {x0}
      </text>
      <text x={width - 30} y={height - 3} fontSize={10}>
        {x1}
      </text>
      <text x={2} y={10} fontSize={10}>
        {t('growth.chart')}: {Math.round(y0)} → {Math.round(y1)} ha
      </text>
    </svg>
  );
}
