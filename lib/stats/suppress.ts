/**
 * Small numbers are never shown: a count from 1 to 4 could point to one person, so it appears
 * as "under 5" (0 stays 0). Hiding a cell is not enough when a total is shown beside it: the
 * total minus the cells shown would give it back, alone or together with other lines of the
 * table. So a total is never shown exact when anything it adds up is hidden: it reads "minst N"
 * (at least N), where N is what a reader can already add up from the cells shown and the least
 * a hidden cell holds (1 for "under 5"). That carries on through the table: a row of totals
 * with one hidden total hides the grand total too. Statistics Norway and NHS Digital suppress
 * their tables the same way, with other thresholds.
 *
 * lib/stats/suppress.test.ts tries every value each hidden number could hold, for hundreds of
 * tables, given all a reader sees, and finds none that only one value fits. Every count shown
 * anywhere (dashboard, CSV, /apenhet) goes through here.
 */
const SMALL_COUNT_LIMIT = 5;

/**
 * `small`: 1 to 4, shown as "under 5"; `total`: a total of hidden numbers, shown as "minst N"
 * with N in `atLeast` (5 or more, else it would be small).
 */
export type ShownCount = { value: number } | { hidden: 'small' } | { hidden: 'total'; atLeast: number };

export type CountTable = {
  /** cells[row][column]; every row has the same length. */
  cells: readonly (readonly number[])[];
  /** Whether each row's total is shown (a column of totals). */
  rowTotals?: boolean;
  /** Whether each column's total is shown (a row of totals). */
  columnTotals?: boolean;
};

export type ShownTable = {
  cells: ShownCount[][];
  /** One per row, when rowTotals was asked for. */
  rowTotals?: ShownCount[];
  /** One per column, when columnTotals was asked for. */
  columnTotals?: ShownCount[];
  /** When both totals were asked for. */
  grandTotal?: ShownCount;
};

function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_COUNT_LIMIT;
}

/** One number on its own, with no total beside it. */
export function showCount(n: number): ShownCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('a count is a whole number, 0 or more');
  return isSmall(n) ? { hidden: 'small' } : { value: n };
}

const numberFormat = new Intl.NumberFormat('nb-NO');

/** A number as a reader sees it: the figure, "under 5", or "minst N". */
export function countText(shown: ShownCount): string {
  if ('value' in shown) return numberFormat.format(shown.value);
  return shown.hidden === 'small' ? `under ${SMALL_COUNT_LIMIT}` : `minst ${numberFormat.format(shown.atLeast)}`;
}

/** A series with its total, such as the days of a month: a table of one row. */
export function suppressSeries(values: readonly number[]): { values: ShownCount[]; total: ShownCount } {
  const shown = suppressTable({ cells: [values], rowTotals: true });
  return { values: shown.cells[0]!, total: shown.rowTotals![0]! };
}

type Slot = { value: number; hidden: 'small' | 'total' | undefined; atLeast: number };
type Line = { members: Slot[]; total: Slot };

export function suppressTable(table: CountTable): ShownTable {
  const width = table.cells[0]?.length ?? 0;
  for (const row of table.cells) {
    if (row.length !== width) throw new RangeError('every row of a table has the same length');
    for (const n of row) showCount(n);
  }
  const slot = (value: number): Slot => ({ value, hidden: isSmall(value) ? 'small' : undefined, atLeast: Math.min(value, 1) });
  const cells = table.cells.map((row) => row.map(slot));
  const sum = (slots: readonly Slot[]) => slots.reduce((s, x) => s + x.value, 0);
  const rowTotals = table.rowTotals ? cells.map((row) => slot(sum(row))) : undefined;
  const columns = Array.from({ length: width }, (_, c) => cells.map((row) => row[c]!));
  const columnTotals = table.columnTotals ? columns.map((column) => slot(sum(column))) : undefined;
  const grandTotal = rowTotals && columnTotals ? slot(sum(rowTotals)) : undefined;

  const lines: Line[] = [];
  if (rowTotals) cells.forEach((row, r) => lines.push({ members: row, total: rowTotals[r]! }));
  if (columnTotals) columns.forEach((column, c) => lines.push({ members: column, total: columnTotals[c]! }));
  if (grandTotal) {
    lines.push({ members: rowTotals!, total: grandTotal });
    lines.push({ members: columnTotals!, total: grandTotal });
  }

  // Hide every total with something hidden under it, until nothing changes: each pass hides
  // at least one more, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { members, total } of lines) {
      if (total.hidden || !members.some((m) => m.hidden)) continue;
      total.hidden = 'total';
      changed = true;
    }
  }
  // What a reader can add up for each hidden total: the cells shown, and 1 for each "under 5".
  for (let changed = true; changed; ) {
    changed = false;
    for (const { members, total } of lines) {
      if (total.hidden !== 'total') continue;
      const least = members.reduce((s, m) => s + (m.hidden ? m.atLeast : m.value), 0);
      if (least > total.atLeast) {
        total.atLeast = least;
        changed = true;
      }
    }
  }

  const show = (s: Slot): ShownCount =>
    s.hidden === 'total' ? { hidden: 'total', atLeast: Math.max(s.atLeast, SMALL_COUNT_LIMIT) } : s.hidden ? { hidden: s.hidden } : { value: s.value };
  return {
    cells: cells.map((row) => row.map(show)),
    ...(rowTotals ? { rowTotals: rowTotals.map(show) } : {}),
    ...(columnTotals ? { columnTotals: columnTotals.map(show) } : {}),
    ...(grandTotal ? { grandTotal: show(grandTotal) } : {}),
  };
}

export type WholeAndPart = { whole: number; part: number };
export type ShownWholesAndParts = { wholes: ShownCount[]; parts: ShownCount[]; wholeTotal: ShownCount; partTotal: ShownCount };

/**
 * A count per line with a part of it beside it ("of these, …"), each column with its total.
 * The rest (whole minus part) is not shown, yet a reader gets it by subtraction, and with it a
 * hidden part when the whole is exact: so the two are suppressed as one table, with the rest
 * and the part as the cells, the whole as the total of its line and the whole's total as the
 * grand total. A hidden part, or a rest of 1 to 4, makes its whole "minst N".
 */
export function suppressWholesAndParts(lines: readonly WholeAndPart[]): ShownWholesAndParts {
  for (const { whole, part } of lines) if (part > whole) throw new RangeError('a part is no larger than its whole');
  if (lines.length === 0) return { wholes: [], parts: [], wholeTotal: { value: 0 }, partTotal: { value: 0 } };
  const shown = suppressTable({ cells: lines.map(({ whole, part }) => [whole - part, part]), rowTotals: true, columnTotals: true });
  return { wholes: shown.rowTotals!, parts: shown.cells.map((row) => row[1]!), wholeTotal: shown.grandTotal!, partTotal: shown.columnTotals![1]! };
}
