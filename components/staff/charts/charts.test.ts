import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { suppressSeries } from '@/lib/stats/suppress';
import { BarChart } from './bar-chart';
import { niceMax } from './chart-data';
import { RankedChart } from './ranked-chart';

const labels = ['mandag', 'tirsdag', 'onsdag', 'torsdag'];

function bars(values: number[]) {
  const shown = suppressSeries(values).values;
  return renderToStaticMarkup(createElement(BarChart, { id: 'g', title: 'Besøk per dag', labels, axisLabels: labels, series: [{ name: 'Besøk', values: shown }], unit: 'besøk' }));
}

function ranked(values: number[]) {
  const shown = suppressSeries(values).values;
  return renderToStaticMarkup(createElement(RankedChart, { id: 'r', title: 'Sider', rows: shown.map((count, i) => ({ label: `/side-${i}`, count })), unit: 'visninger' }));
}

describe('charts', () => {
  it('are an image with a title and a description that names the highest and the lowest number shown', () => {
    const html = bars([12, 30, 0, 7]);
    expect(html).toMatch(/^<figure[^>]*><svg role="img" aria-labelledby="g-tittel g-beskrivelse" viewBox="0 0 360 200"/);
    expect(html).toContain('<title id="g-tittel">Besøk per dag</title>');
    expect(html).toContain('<desc id="g-beskrivelse">høyest 30 besøk (tirsdag), lavest 0 besøk (onsdag).</desc>');
  });

  it.each([
    ['a bar chart', bars, [12, 1, 0, 9], [12, 4, 0, 9]],
    ['a ranked chart', ranked, [40, 20, 2], [40, 20, 4]],
    ['a bar chart where the small number would be the highest', bars, [0, 3, 0, 0], [0, 1, 0, 0]],
  ])('draw %s the same whatever number from 1 to 4 is hidden', (_, draw, one, other) => {
    expect(draw(one)).toBe(draw(other));
    expect(draw(one)).toContain('under 5');
  });

  it('leave hidden numbers out of the description and say how many there are', () => {
    const html = bars([12, 3, 0, 9]);
    expect(html).toContain('høyest 12 besøk (mandag), lavest 0 besøk (onsdag). 1 av 4 vises ikke som tall');
    expect(html).not.toMatch(/\b3 besøk/);
  });

  it('scale to a round number', () => {
    expect([0, 1, 3, 7, 10, 11, 48, 101, 999].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200, 1000]);
  });
});
