import type { ShownCount } from '@/lib/stats/suppress';
import { barOf, chartDescription, niceMax } from './chart-data';
import { ChartLegend, HatchPattern, SERIES_COLOURS } from './chart-parts';

type Props = {
  /** Unique on the page: the ids of the title, the description and the hatch pattern start with it. */
  id: string;
  title: string;
  rows: readonly { label: string; count: ShownCount }[];
  /** What is counted, for the description ("visninger"). */
  unit: string;
};

const W = 360;
const ROW = 30;
const BAR = 12;
const STUB = 3;

/**
 * Horizontal bars, one per row with its label above it, for a ranked list (pages, categories):
 * long labels fit a phone's width this way. Drawn on the server; the numbers are in the table.
 */
export function RankedChart({ id, title, rows, unit }: Props) {
  const bars = rows.map((r) => barOf(r.count));
  const top = niceMax(Math.max(0, ...bars.map((b) => b.height)));
  const height = Math.max(1, rows.length) * ROW + 4;
  const width = (v: number) => (v / top) * (W - 60);
  const pattern = `${id}-skravur`;
  const labels = rows.map((r) => r.label);

  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby={`${id}-tittel ${id}-beskrivelse`} viewBox={`0 0 ${W} ${height}`} className="h-auto w-full max-w-2xl" fontSize="11" fill="#1f2a30">
        <title id={`${id}-tittel`}>{title}</title>
        <desc id={`${id}-beskrivelse`}>{chartDescription([{ name: title, values: rows.map((r) => r.count) }], labels, unit)}</desc>
        <defs>
          <HatchPattern id={pattern} />
        </defs>
        {rows.map((row, i) => {
          const bar = bars[i]!;
          const w = bar.stub ? STUB : width(bar.height);
          const y = i * ROW;
          return (
            <g key={row.label}>
              <text x={0} y={y + 11}>
                {row.label.length > 58 ? `${row.label.slice(0, 57)}…` : row.label}
              </text>
              <rect x={0} y={y + 15} width={w} height={BAR} fill={bar.hatched ? `url(#${pattern})` : SERIES_COLOURS[0]} stroke={bar.hatched ? '#4a5860' : 'none'} strokeWidth={0.5} />
              <text x={w + 4} y={y + 25}>
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartLegend id={id} series={[title]} hatched={bars.some((b) => b.hatched)} />
    </figure>
  );
}
