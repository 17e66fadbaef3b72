import { describe, expect, test } from 'vitest';
import { axisTicks } from './chart-dates.ts';
import { chooseBandLabels, chooseTicks, estimateLabelWidth, LABEL_GAP_PX, ticksFit } from './chart-ticks.ts';

/** Every label's left and right edge, as the estimate puts them. */
function edges(ticks: readonly { x: number; label: string }[]) {
  return ticks.map((tick) => {
    const half = estimateLabelWidth(tick.label) / 2;
    return { left: tick.x - half, right: tick.x + half };
  });
}

function placeDates(
  ticks: Date[],
  format: (date: Date) => string,
  start: string,
  end: string,
  width: number,
) {
  const first = new Date(`${start}T00:00:00Z`).getTime();
  const last = new Date(`${end}T00:00:00Z`).getTime() + 86_400_000;
  return ticks.map((tick) => ({
    x: ((tick.getTime() - first) / (last - first)) * width,
    label: format(tick),
  }));
}

describe('ticksFit', () => {
  test('labels closer than their half-widths plus the gap do not fit; further apart they do', () => {
    const width = estimateLabelWidth('10 Nov');
    const apart = width + LABEL_GAP_PX;
    expect(
      ticksFit(
        [
          { x: 50, label: '10 Nov' },
          { x: 50 + apart, label: '11 Nov' },
        ],
        400,
        20,
      ),
    ).toBe(true);
    expect(
      ticksFit(
        [
          { x: 50, label: '10 Nov' },
          { x: 50 + apart - 1, label: '11 Nov' },
        ],
        400,
        20,
      ),
    ).toBe(false);
  });

  test('a label running more than the overhang past either end does not fit', () => {
    expect(ticksFit([{ x: 0, label: 'November' }], 300, 0)).toBe(false);
    expect(ticksFit([{ x: 0, label: 'November' }], 300, 40)).toBe(true);
    expect(ticksFit([{ x: 300, label: 'November' }], 300, 0)).toBe(false);
  });
});

describe('chooseTicks', () => {
  const everyDay = Array.from({ length: 30 }, (_, day) => ({ x: day * 10 + 5, label: `${day + 1} Nov` }));
  const strides = [1, 2, 7].map((stride) => everyDay.filter((_tick, index) => index % stride === 0));

  test('picks the finest candidate that fits', () => {
    // 10 px a day: daily labels of about 50 px cannot fit, every 7th day can.
    expect(chooseTicks(strides, 300, 20)).toHaveLength(5);
    const scaled = strides.map((ticks) => ticks.map((tick) => ({ ...tick, x: tick.x * 12 })));
    // 120 px a day: every day fits in 3,600 px.
    expect(chooseTicks(scaled, 3600, 20)).toHaveLength(30);
  });

  test('falls back to thinning the coarsest candidate, never returning overlapping labels', () => {
    const tight = strides.map((ticks) => ticks.map((tick) => ({ ...tick, x: tick.x / 4 })));
    const chosen = chooseTicks(tight, 75, 20);
    expect(chosen.length).toBeGreaterThanOrEqual(1);
    expect(ticksFit(chosen, 75, 20)).toBe(true);
  });
});

describe('axisTicks: date ticks for a period at a width', () => {
  const cases = [
    { name: 'a week', start: '2026-11-23', end: '2026-11-29' },
    { name: 'a month', start: '2026-11-01', end: '2026-11-30' },
    { name: 'a year', start: '2026-01-01', end: '2026-12-31' },
  ];
  for (const { name, start, end } of cases) {
    for (const width of [250, 290, 600, 1100]) {
      test(`${name} at ${width} px: labels never overlap and never run past the margin`, () => {
        const { ticks, tickFormat } = axisTicks(start, end, 'en-GB', width);
        const placed = placeDates(ticks, tickFormat, start, end, width);
        expect(placed.length).toBeGreaterThan(1);
        const boxes = edges(placed);
        for (const [index, box] of boxes.entries()) {
          expect(box.left).toBeGreaterThanOrEqual(-6);
          expect(box.right).toBeLessThanOrEqual(width + 20);
          const next = boxes[index + 1];
          if (next !== undefined) expect(next.left - box.right).toBeGreaterThanOrEqual(LABEL_GAP_PX);
        }
      });
    }
  }

  test('a wide week shows every day; a phone-width week shows fewer', () => {
    expect(axisTicks('2026-11-23', '2026-11-29', 'en-GB', 1100).ticks).toHaveLength(7);
    expect(axisTicks('2026-11-23', '2026-11-29', 'en-GB', 260).ticks.length).toBeLessThan(7);
  });

  test('a wide year shows all 12 months, each under its middle, named in the locale', () => {
    const { ticks, tickFormat } = axisTicks('2026-01-01', '2026-12-31', 'en-GB', 1100);
    const labels = ticks.map(tickFormat);
    expect(labels).toHaveLength(12);
    expect([labels[0], labels[1], labels[11]]).toEqual(['Jan', 'Feb', 'Dec']);
    expect(ticks[0]?.toISOString()).toBe('2026-01-16T12:00:00.000Z');
    expect(ticks[1]?.toISOString()).toBe('2026-02-15T00:00:00.000Z');
    const french = axisTicks('2026-01-01', '2026-12-31', 'fr-FR', 1100);
    expect(french.tickFormat(french.ticks[1] as Date)).toBe('févr.');
  });
});

describe('chooseBandLabels: month bands in Insights', () => {
  const months = [
    'Dec 2025',
    'Jan 2026',
    'Feb 2026',
    'Mar 2026',
    'Apr 2026',
    'May 2026',
    'Jun 2026',
    'Jul 2026',
    'Aug 2026',
    'Sep 2026',
    'Oct 2026',
    'Nov 2026',
  ];

  test('all twelve on a wide chart, every few on a phone, always starting with the first', () => {
    expect(chooseBandLabels(months, 1000, 20)).toEqual(months);
    const phone = chooseBandLabels(months, 290, 20);
    expect(phone.length).toBeLessThan(12);
    expect(phone[0]).toBe('Dec 2025');
    const band = 290 / 12;
    const placed = phone.map((label) => ({ x: band * (months.indexOf(label) + 0.5), label }));
    expect(ticksFit(placed, 290, 20)).toBe(true);
  });

  test('one month alone is labelled', () => {
    expect(chooseBandLabels(['Nov 2026'], 290, 20)).toEqual(['Nov 2026']);
  });
});
