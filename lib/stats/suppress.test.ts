import { describe, expect, it } from 'vitest';
import { countText, showCount, suppressSeries, suppressTable, suppressWholesAndParts, type ShownCount, type ShownTable, type ShownWholesAndParts, type WholeAndPart } from '@/lib/stats/suppress';

const v = (value: number): ShownCount => ({ value });
const small: ShownCount = { hidden: 'small' };
const atLeast = (n: number): ShownCount => ({ hidden: 'total', atLeast: n });

describe('a count on its own', () => {
  it('shows 0 and 5 or more, and hides 1 to 4 as "under 5" @claim:smaa-tall-skjules', () => {
    expect([0, 1, 4, 5, 12].map(showCount)).toEqual([v(0), small, small, v(5), v(12)]);
    expect(countText(showCount(3))).toBe('under 5');
    expect(countText(showCount(0))).toBe('0');
    expect(countText(showCount(12345))).toBe('12\u00a0345');
    expect(countText(atLeast(1234))).toBe('minst 1\u00a0234');
  });

  it('refuses what is not a count', () => {
    expect(() => showCount(-1)).toThrow(RangeError);
    expect(() => showCount(2.5)).toThrow(RangeError);
  });
});

describe('a series with its total', () => {
  it('shows every number when none is small', () => {
    expect(suppressSeries([0, 5, 9])).toEqual({ values: [v(0), v(5), v(9)], total: v(14) });
  });

  it('a small number hides the total too, which reads as what the reader can add up', () => {
    // 0 + 12 + 8 shown, and at least 1 under "under 5": at least 21.
    expect(suppressSeries([3, 0, 12, 8])).toEqual({ values: [small, v(0), v(12), v(8)], total: atLeast(21) });
  });

  it('a total of small numbers reads "minst 5" at the least, as anything less would be "under 5"', () => {
    expect(suppressSeries([2, 4])).toEqual({ values: [small, small], total: atLeast(5) });
  });

  it('a small total is itself "under 5"', () => {
    expect(suppressSeries([0, 3, 0])).toEqual({ values: [v(0), small, v(0)], total: small });
  });

  it('a series of zeros is all zeros', () => {
    expect(suppressSeries([0, 0, 0])).toEqual({ values: [v(0), v(0), v(0)], total: v(0) });
  });
});

describe('a table with row and column totals', () => {
  it('hides the totals of the row and the column a small number stands in, and the grand total', () => {
    const shown = suppressTable({
      cells: [
        [2, 10, 20],
        [8, 11, 30],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    expect(shown.cells).toEqual([
      [small, v(10), v(20)],
      [v(8), v(11), v(30)],
    ]);
    expect(shown.rowTotals).toEqual([atLeast(31), v(49)]);
    expect(shown.columnTotals).toEqual([atLeast(9), v(21), v(50)]);
    expect(shown.grandTotal).toEqual(atLeast(80));
    expect(countText(shown.grandTotal!)).toBe('minst 80');
  });

  it('refuses rows of different lengths', () => {
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow(RangeError);
  });
});

describe('a whole with a part of it beside it', () => {
  it('shows both when neither the part nor the rest is small, and 0 of a part there is none of', () => {
    expect(suppressWholesAndParts([{ whole: 12, part: 5 }, { whole: 7, part: 0 }])).toEqual({ wholes: [v(12), v(7)], parts: [v(5), v(0)], wholeTotal: v(19), partTotal: v(5) });
  });

  it('a hidden part hides its whole, which reads "minst", so the part cannot be had by subtraction', () => {
    // "12" beside "under 5" would leave a reader who also knew the rest (10) the part.
    expect(suppressWholesAndParts([{ whole: 12, part: 2 }, { whole: 20, part: 6 }])).toEqual({
      wholes: [atLeast(11), v(20)],
      parts: [small, v(6)],
      wholeTotal: atLeast(31),
      partTotal: atLeast(7),
    });
  });

  it('a small rest hides its whole too, though the rest is never shown', () => {
    // "9" beside "8" would say that one person is the rest.
    expect(suppressWholesAndParts([{ whole: 9, part: 8 }])).toEqual({ wholes: [atLeast(9)], parts: [v(8)], wholeTotal: atLeast(9), partTotal: v(8) });
  });

  it('refuses a part larger than its whole', () => {
    expect(() => suppressWholesAndParts([{ whole: 3, part: 4 }])).toThrow(RangeError);
  });
});

/**
 * The audit: every value each hidden number could hold, given what a reader sees (the numbers
 * shown, that "under 5" is 1 to 4, that "skjult" is 5 or more, that totals add up). A hidden
 * number that only one value fits would be given away.
 */
function givenAway(cells: number[][], shown: ShownTable): string[] {
  const rows = cells.length;
  const cols = cells[0]!.length;
  const max = cells.flat().reduce((a, b) => a + b, 0) + 4;
  const range = (s: ShownCount): [number, number] => ('value' in s ? [s.value, s.value] : s.hidden === 'small' ? [1, 4] : [s.atLeast, max]);
  const fits = (s: ShownCount | undefined, n: number) => {
    if (!s) return true;
    const [lo, hi] = range(s);
    return n >= lo && n <= hi;
  };
  const seen = cells.map((row) => row.map(() => new Set<number>()));
  const trial = cells.map((row) => row.map(() => 0));
  const place = (i: number): void => {
    if (i === rows * cols) {
      const rowSums = trial.map((row) => row.reduce((a, b) => a + b, 0));
      const colSums = Array.from({ length: cols }, (_, c) => trial.reduce((a, row) => a + row[c]!, 0));
      if (!rowSums.every((n, r) => fits(shown.rowTotals?.[r], n))) return;
      if (!colSums.every((n, c) => fits(shown.columnTotals?.[c], n))) return;
      if (!fits(shown.grandTotal, rowSums.reduce((a, b) => a + b, 0))) return;
      trial.forEach((row, r) => row.forEach((n, c) => seen[r]![c]!.add(n)));
      return;
    }
    const r = Math.floor(i / cols);
    const c = i % cols;
    const [lo, hi] = range(shown.cells[r]![c]!);
    for (let n = lo; n <= hi; n++) {
      trial[r]![c] = n;
      // Prune on a row as soon as it is complete.
      if (c === cols - 1 && !fits(shown.rowTotals?.[r], trial[r]!.reduce((a, b) => a + b, 0))) continue;
      place(i + 1);
    }
  };
  place(0);
  const leaks: string[] = [];
  shown.cells.forEach((row, r) =>
    row.forEach((s, c) => {
      if (!('value' in s) && seen[r]![c]!.size < 2) leaks.push(`cell ${r},${c} (${cells[r]![c]}) can only be ${[...seen[r]![c]!].join('/')}`);
    }),
  );
  return leaks;
}

/** A small deterministic generator, so a failure can be replayed. */
function numbers(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('the audit finds no hidden number that only one value fits', () => {
  it('for 400 series and 2×2, 2×3 and 3×2 tables full of small numbers', () => {
    const random = numbers(20261205);
    const draw = () => {
      const p = random();
      return p < 0.25 ? 0 : p < 0.65 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 5);
    };
    const shapes: [number, number][] = [
      [1, 3],
      [1, 4],
      [2, 2],
      [2, 3],
      [3, 2],
    ];
    let hiddenSeen = 0;
    for (let t = 0; t < 400; t++) {
      const [rows, cols] = shapes[t % shapes.length]!;
      const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, draw));
      const shown = suppressTable({ cells, rowTotals: true, columnTotals: rows > 1 });
      hiddenSeen += shown.cells.flat().filter((s) => !('value' in s)).length;
      expect(givenAway(cells, shown), JSON.stringify(cells)).toEqual([]);
    }
    expect(hiddenSeen, 'the tables had hidden cells to audit').toBeGreaterThan(400);
  });
});

/**
 * The audit of a whole and its part: every rest and part that fit what a reader sees (the
 * wholes, the parts and their totals; never the rest). A hidden part, or a rest of 1 to 4,
 * that only one value fits would be given away.
 */
function wholesAndPartsGivenAway(lines: WholeAndPart[], shown: ShownWholesAndParts): string[] {
  const max = lines.reduce((a, l) => a + l.whole, 0) + 4;
  const range = (s: ShownCount): [number, number] => ('value' in s ? [s.value, s.value] : s.hidden === 'small' ? [1, 4] : [s.atLeast, max]);
  const candidates = lines.map((_, i) => {
    const [partLo, partHi] = range(shown.parts[i]!);
    const [wholeLo, wholeHi] = range(shown.wholes[i]!);
    const out: { rest: number; part: number }[] = [];
    for (let part = partLo; part <= partHi; part++) for (let whole = Math.max(wholeLo, part); whole <= wholeHi; whole++) out.push({ rest: whole - part, part });
    return out;
  });
  const [wholeTotalLo, wholeTotalHi] = range(shown.wholeTotal);
  const [partTotalLo, partTotalHi] = range(shown.partTotal);
  const rests = lines.map(() => new Set<number>());
  const parts = lines.map(() => new Set<number>());
  const trial: { rest: number; part: number }[] = [];
  const place = (i: number, wholes: number, partSum: number): void => {
    if (wholes > wholeTotalHi || partSum > partTotalHi) return;
    if (i === lines.length) {
      if (wholes < wholeTotalLo || partSum < partTotalLo) return;
      trial.forEach((t, j) => (rests[j]!.add(t.rest), parts[j]!.add(t.part)));
      return;
    }
    for (const c of candidates[i]!) {
      trial[i] = c;
      place(i + 1, wholes + c.rest + c.part, partSum + c.part);
    }
  };
  place(0, 0, 0);
  const leaks: string[] = [];
  lines.forEach(({ whole, part }, i) => {
    if (!('value' in shown.parts[i]!) && parts[i]!.size < 2) leaks.push(`part ${i} (${part}) can only be ${[...parts[i]!].join('/')}`);
    const rest = whole - part;
    if (rest > 0 && rest < 5 && rests[i]!.size < 2) leaks.push(`rest ${i} (${rest}) can only be ${[...rests[i]!].join('/')}`);
  });
  return leaks;
}

describe('the audit finds no hidden part and no small rest that only one value fits', () => {
  it('for 300 columns of one to three wholes with a part beside each', () => {
    const random = numbers(20270601);
    const draw = () => {
      const p = random();
      return p < 0.25 ? 0 : p < 0.65 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 5);
    };
    let secrets = 0;
    for (let t = 0; t < 300; t++) {
      const lines = Array.from({ length: 1 + (t % 3) }, () => {
        const part = draw();
        return { whole: part + draw(), part };
      });
      const shown = suppressWholesAndParts(lines);
      secrets += lines.filter(({ whole, part }) => (part > 0 && part < 5) || (whole - part > 0 && whole - part < 5)).length;
      expect(wholesAndPartsGivenAway(lines, shown), JSON.stringify(lines)).toEqual([]);
    }
    expect(secrets, 'the columns had small parts and rests to audit').toBeGreaterThan(300);
  });
});
