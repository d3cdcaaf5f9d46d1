import type { NumericObservation } from '../../sensors/sensorThingsClient.ts';

/**
 * The last 24 h of a Datastream as an SVG line, with its thresholds drawn as named horizontal
 * lines (the river's alarm levels I/II/III, AQI 151, ...). The vertical range spans the values
 * and the thresholds with 0.1 of the unit above and below (and 0 when the values are positive).
 * CSS classes `{classPrefix}-spark`, `{classPrefix}-alarm-line {classPrefix}-alarm-{name}`,
 * `{classPrefix}-level-line`.
 */
export function Sparkline({
  history,
  thresholds,
  nowMs,
  widthPixels,
  heightPixels,
  classPrefix,
  label,
}: {
  history: readonly NumericObservation[];
  thresholds: Record<string, number>;
  nowMs: number;
  widthPixels: number;
  heightPixels: number;
  classPrefix: string;
  /** Accessible name of the chart. */
  label: string;
}) {
  const fromMs = nowMs - 24 * 3_600_000;
  const shown = history.filter((o) => o.phenomenonTimeMs >= fromMs);
  const levels = [...shown.map((o) => o.result), ...Object.values(thresholds)];
  const low = Math.min(...levels, 0) - 0.1;
  const high = Math.max(...levels, 0) + 0.1;
  const x = (t: number) => ((t - fromMs) / (nowMs - fromMs)) * widthPixels;
  const y = (v: number) => heightPixels - ((v - low) / (high - low)) * heightPixels;
  const points = shown.map((o) => `${x(o.phenomenonTimeMs).toFixed(1)},${y(o.result).toFixed(1)}`);
  return (
    <svg
      className={`${classPrefix}-spark`}
      viewBox={`0 0 ${widthPixels} ${heightPixels}`}
      role="img"
      aria-label={label}
      data-points={shown.length}
    >
      {Object.entries(thresholds).map(([name, value]) => (
        <g key={name} data-threshold={name}>
          <line
            x1={0}
            x2={widthPixels}
            y1={y(value)}
            y2={y(value)}
            className={`${classPrefix}-alarm-line ${classPrefix}-alarm-${name}`}
          />
          <text x={4} y={y(value) - 4}>
            {name}
          </text>
        </g>
      ))}
      <polyline points={points.join(' ')} className={`${classPrefix}-level-line`} />
    </svg>
  );
}
