import { adherence } from '@sunlog/core/adherence';
import { monthRange } from '@sunlog/core/calendar';
import type { Regimen } from '@sunlog/core/records/regimen';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { dayStripOptions } from '../insights/charts/plots.ts';
import { formatDate, formatPercent } from '../insights/format.ts';
import type { CheckInContext } from './check-in-context.ts';
import { regimensInMonth } from './check-in-month.ts';
import { checkInStrings as t } from './strings.ts';

/** Step 1: how regularly the scheduled doses were taken this month, per regimen, in words and a strip chart. */
export function IntakeStep({ context }: { context: CheckInContext }) {
  const regimens = regimensInMonth(context.records.regimens, context.month);
  return (
    <>
      <p>{t.intakeLead(context.monthLabel)}</p>
      {regimens.length === 0 ? (
        <p className="insight insight--waiting">{t.intakeNone(context.monthLabel)}</p>
      ) : null}
      {regimens.map((regimen) => (
        <RegimenMonth key={regimen.id} regimen={regimen} context={context} />
      ))}
    </>
  );
}

function RegimenMonth({ regimen, context }: { regimen: Regimen; context: CheckInContext }) {
  const { start, end } = monthRange(context.month);
  const result = adherence(regimen, context.records.intakes, { start, end, today: context.today });
  const locale = displayLocale();
  const daysInMonth = Number(end.slice(8, 10));
  const strip = result.days.map((day) => ({ day: Number(day.date.slice(8, 10)), status: day.status }));
  const key = JSON.stringify(strip);
  const options = useMemo(() => dayStripOptions(JSON.parse(key), daysInMonth), [key, daysInMonth]);
  return (
    <div className="insight">
      <h3 className="insight__title">{regimen.productName}</h3>
      <p>
        {result.proportionOfDaysCovered === null
          ? t.intakeNothingDue(regimen.productName)
          : t.intakeLine(
              regimen.productName,
              result.taken,
              result.scheduled,
              formatPercent(result.proportionOfDaysCovered, locale),
            )}
      </p>
      {result.days.length > 0 ? (
        <>
          <p className="muted">{t.intakeDetail(result.skipped, result.missed, result.pending)}</p>
          <ChartFigure
            caption={t.intakeCaption(regimen.productName)}
            summary={t.intakeSummary(result.taken, result.skipped, result.missed)}
            options={options}
            table={{
              columns: t.intakeColumns,
              rows: result.days.map((day) => [formatDate(day.date, locale), t.statusWords[day.status]]),
            }}
          >
            <ul className="chart__key-list chart__key-list--inline" aria-label="Key">
              {(['taken', 'skipped', 'missed'] as const).map((status) => (
                <li key={status} className="chart__key-item">
                  <span className={`chart__swatch day-swatch day-swatch--${status}`} aria-hidden="true" />
                  {t.statusWords[status]}
                </li>
              ))}
            </ul>
          </ChartFigure>
        </>
      ) : null}
    </div>
  );
}
