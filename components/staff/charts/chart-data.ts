import { countText, type ShownCount } from '@/lib/stats/suppress';

/**
 * What a chart draws, from suppressed counts only: an exact count is a bar of its height; a
 * "minst N" total a hatched bar to N, which the table shows too; and "under 5" a hatched stub
 * of one fixed height, whatever the number behind it, so no bar can give a hidden number away.
 * The scale, too, is made from these heights alone.
 */
export type Series = { name: string; values: readonly ShownCount[] };

export type Bar = { height: number; hatched: boolean; stub: boolean; text: string };

export function barOf(count: ShownCount): Bar {
  if ('value' in count) return { height: count.value, hatched: false, stub: false, text: countText(count) };
  if (count.hidden === 'total') return { height: count.atLeast, hatched: true, stub: false, text: countText(count) };
  return { height: 0, hatched: true, stub: true, text: countText(count) };
}

/** A round top for the scale (1, 2 or 5 times a power of ten), at least 1. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

/**
 * The chart's words for a screen reader: per series, the highest and lowest number shown and
 * where, and how many are hidden. Hidden numbers take no part in highest and lowest.
 */
export function chartDescription(series: readonly Series[], labels: readonly string[], unit: string): string {
  return series
    .map((s) => {
      const exact = s.values.flatMap((v, i) => ('value' in v ? [{ value: v.value, label: labels[i]! }] : []));
      const hidden = s.values.length - exact.length;
      const prefix = series.length > 1 ? `${s.name}: ` : '';
      const hiddenText = hidden ? ` ${hidden} av ${s.values.length} vises ikke som tall (under 5 eller minst-tall), og er skravert.` : '';
      if (!exact.length) return `${prefix}ingen tall kan vises.${hiddenText}`;
      const high = exact.reduce((a, b) => (b.value > a.value ? b : a));
      const low = exact.reduce((a, b) => (b.value < a.value ? b : a));
      const words = (x: { value: number; label: string }) => `${countText({ value: x.value })} ${unit} (${x.label})`;
      return `${prefix}høyest ${words(high)}, lavest ${words(low)}.${hiddenText}`;
    })
    .join(' ');
}
