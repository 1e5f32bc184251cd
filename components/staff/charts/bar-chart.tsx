import { barOf, chartDescription, niceMax, type Series } from './chart-data';
import { ChartLegend, HatchPattern, SERIES_COLOURS } from './chart-parts';

type Props = {
  /** Unique on the page: the ids of the title, the description and the hatch pattern start with it. */
  id: string;
  title: string;
  /** One label per bar (or group of bars), in the words the description uses. */
  labels: readonly string[];
  /** Shorter labels for the axis; only a few are drawn. */
  axisLabels: readonly string[];
  series: readonly Series[];
  /** What is counted, for the description ("besøk", "henvendelser"). */
  unit: string;
};

const W = 360;
const H = 200;
const M = { top: 12, right: 8, bottom: 26, left: 34 };
const STUB = 4;
const MAX_AXIS_LABELS = 6;

/**
 * Bars drawn on the server as an SVG image that scales to its box (readable at 320 px), with a
 * title and a description a screen reader reads instead of the drawing. The numbers themselves
 * are in the table beside it.
 */
export function BarChart({ id, title, labels, axisLabels, series, unit }: Props) {
  const bars = series.map((s) => s.values.map(barOf));
  const top = niceMax(Math.max(0, ...bars.flat().map((b) => b.height)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, labels.length);
  const barW = (slot * 0.8) / series.length;
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const every = Math.ceil(labels.length / MAX_AXIS_LABELS);
  const pattern = `${id}-skravur`;

  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby={`${id}-tittel ${id}-beskrivelse`} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl" fontSize="11" fill="#1f2a30">
        <title id={`${id}-tittel`}>{title}</title>
        <desc id={`${id}-beskrivelse`}>{chartDescription(series, labels, unit)}</desc>
        <defs>
          <HatchPattern id={pattern} />
        </defs>
        {[0, top / 2, top].map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} stroke="#4a5860" strokeOpacity={tick === 0 ? 1 : 0.3} />
            <text x={M.left - 4} y={y(tick) + 4} textAnchor="end">
              {tick.toLocaleString('nb-NO')}
            </text>
          </g>
        ))}
        {bars.map((seriesBars, s) =>
          seriesBars.map((bar, i) => {
            const x = M.left + i * slot + slot * 0.1 + s * barW;
            const h = bar.stub ? STUB : y(0) - y(bar.height);
            return (
              <rect
                key={`${s}-${i}`}
                x={x}
                y={y(0) - h}
                width={Math.max(barW, 0.5)}
                height={h}
                fill={bar.hatched ? `url(#${pattern})` : SERIES_COLOURS[s % SERIES_COLOURS.length]}
                stroke={bar.hatched ? '#4a5860' : 'none'}
                strokeWidth={0.5}
              />
            );
          }),
        )}
        {axisLabels.map((label, i) =>
          i % every === 0 ? (
            <text key={i} x={M.left + i * slot + slot / 2} y={H - 8} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
      </svg>
      <ChartLegend id={id} series={series.map((s) => s.name)} hatched={bars.flat().some((b) => b.hatched)} />
    </figure>
  );
}
