/** Bar colours, each at least 3:1 against white (WCAG 1.4.11): the brand's teal and its rust. */
export const SERIES_COLOURS = ['#1d5c63', '#a5432a'] as const;

/** Grey diagonal stripes for a number that is not drawn to scale. */
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="4" height="4" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="4" stroke="#4a5860" strokeWidth="2" />
    </pattern>
  );
}

/** A small sample of a bar, drawn as the chart draws it (no style attribute: the CSP allows none). */
function Swatch({ fill, pattern }: { fill?: string; pattern?: string }) {
  return (
    <svg aria-hidden="true" width="20" height="12" viewBox="0 0 20 12" className="shrink-0">
      {pattern ? (
        <defs>
          <HatchPattern id={pattern} />
        </defs>
      ) : null}
      <rect x="0.5" y="0.5" width="19" height="11" fill={pattern ? `url(#${pattern})` : fill} stroke="#4a5860" strokeWidth="1" />
    </svg>
  );
}

/** What the colours and the stripes mean, in words beside the chart. */
export function ChartLegend({ id, series, hatched }: { id: string; series: readonly string[]; hatched: boolean }) {
  if (series.length < 2 && !hatched) return null;
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
      {series.length > 1
        ? series.map((name, i) => (
            <li key={name} className="flex items-center gap-2">
              <Swatch fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
              {name}
            </li>
          ))
        : null}
      {hatched ? (
        <li className="flex items-center gap-2">
          <Swatch pattern={`${id}-forklaring`} />
          Skravert: under 5 (en lav stolpe, uansett tall) eller «minst»-tall. Se tabellen.
        </li>
      ) : null}
    </ul>
  );
}
