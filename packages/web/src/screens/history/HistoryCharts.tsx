import { datesInRange, type LocalDate } from '@sunlog/core/calendar';
import { compareWithTarget, GUIDELINES } from '@sunlog/core/ranges';
import type { VitaminDLabResult } from '@sunlog/core/records/lab-result';
import { oldestResultFirst } from '@sunlog/core/records/lab-result-order';
import type { Profile } from '@sunlog/core/records/profile';
import { SCALE_DIRECTION, SYMPTOM_SCALES, type SymptomScale } from '@sunlog/core/records/symptom-scales';
import { isDoseDueOn } from '@sunlog/core/regimen-schedule';
import { convertBlood, convertIntake, roundForDisplay, toIu } from '@sunlog/core/units';
import { useId, useMemo, useState } from 'react';
import { DailyBarChart, type DailyValue } from '../../charts/DailyBarChart.tsx';
import { iomGuidelineBands } from '../../charts/guideline-bands.ts';
import { type Span, SpanChart } from '../../charts/SpanChart.tsx';
import {
  type BandTint,
  type TimePoint,
  TimeSeriesChart,
  type ValueBand,
} from '../../charts/TimeSeriesChart.tsx';
import type { HistoryFormat } from './format.ts';
import type { Period } from './period.ts';
import { SYMPTOM_NAMES, historyStrings as t } from './strings.ts';
import type { HistoryRecords } from './use-history-records.ts';

interface ChartsProps {
  period: Period;
  records: HistoryRecords;
  format: HistoryFormat;
  profile: Profile;
  today: LocalDate;
}

/** The four charts of a period: intake, blood level, a chosen rating and flare-ups. */
export function HistoryCharts(props: ChartsProps) {
  return (
    <>
      <IntakeChart {...props} />
      <BloodChart {...props} />
      <SymptomChart {...props} />
      <FlareChart {...props} />
    </>
  );
}

function IntakeChart({ period, records, format, today }: ChartsProps) {
  const days = useMemo<DailyValue[]>(() => {
    const inUnit = (iu: number) => convertIntake({ value: iu, unit: 'IU' }, format.intakeUnit).value;
    const taken = new Map<LocalDate, number>();
    for (const intake of records.intakes) {
      if (intake.status !== 'taken') continue;
      taken.set(intake.localDate, (taken.get(intake.localDate) ?? 0) + toIu(intake.amount));
    }
    return datesInRange(period.start, period.end).map((date) => {
      const dueIu = records.regimens
        .filter((regimen) => isDoseDueOn(regimen, date))
        .reduce((sum, regimen) => sum + toIu(regimen.amountPerDose), 0);
      return {
        date,
        value: inUnit(taken.get(date) ?? 0),
        ...(dueIu > 0 ? { reference: inUnit(dueIu) } : {}),
      };
    });
  }, [period, records.intakes, records.regimens, format.intakeUnit]);

  const sofar = days.filter((day) => day.date <= today);
  const dueDays = sofar.filter((day) => (day.reference ?? 0) > 0);
  const takenDays = dueDays.filter((day) => day.value > 0).length;
  const totalIu = records.intakes
    .filter((intake) => intake.status === 'taken')
    .reduce((sum, intake) => sum + toIu(intake.amount), 0);
  const hasAny = days.some((day) => day.value > 0 || (day.reference ?? 0) > 0);
  const unit = format.intakeUnitLabel;
  const formatValue = (value: number) =>
    new Intl.NumberFormat(format.locale, {
      maximumFractionDigits: format.intakeUnit === 'IU' ? 0 : 1,
    }).format(roundForDisplay({ value, unit: format.intakeUnit }));

  return (
    <DailyBarChart
      caption={t.intakeCaption(unit)}
      summary={
        hasAny
          ? t.intakeSummary(takenDays, dueDays.length, format.intakeFromIu(totalIu), period.kind)
          : t.intakeEmpty(period.kind)
      }
      start={period.start}
      end={period.end}
      days={days}
      valueLabel={t.intakeTaken(unit)}
      referenceLabel={days.some((day) => day.reference !== undefined) ? t.intakeScheduled(unit) : undefined}
      axisLabel={t.intakeAxis(unit)}
      formatValue={formatValue}
      formatDate={format.date}
      locale={format.locale}
    />
  );
}

/**
 * One distinct tint per IOM 2011 category, lowest to highest (docs/medical-reference.md §2.1): warm for
 * the low bands, green where the IOM says the level is enough for almost everyone, cool above it.
 */
function BloodChart({ period, records, format, profile }: ChartsProps) {
  const unit = format.bloodUnit;
  const results = records.labResults
    .filter((result): result is VitaminDLabResult => result.analyte === '25-hydroxyvitamin-d-total')
    .sort(oldestResultFirst);
  const points: TimePoint[] = results.map((result) => ({
    date: result.sampleDate,
    value: convertBlood(result.level, unit).value,
  }));
  const target = profile.bloodTarget ?? null;

  const bands = useMemo<ValueBand[]>(() => {
    if (target !== null) {
      const convert = (value: number | undefined) =>
        value === undefined ? undefined : convertBlood({ value, unit: target.unit }, unit).value;
      const low = convert(target.low);
      const high = convert(target.high);
      return [
        {
          ...(low === undefined ? {} : { from: low }),
          ...(high === undefined ? {} : { to: high }),
          label: t.targetBand,
          shortLabel: t.targetBandShort,
          tint: 'green',
        },
      ];
    }
    // No personal target: IOM 2011's categories as labelled context, never as a suggested target.
    return iomGuidelineBands(unit);
  }, [target, unit]);

  // Show at least up to 60 ng/mL (150 nmol/L) so the context bands are readable; more if a result is higher.
  const floorTop = unit === 'ng/mL' ? 60 : 150;
  const top = Math.max(
    floorTop,
    ...points.map((point) => point.value * 1.15),
    ...bands.map((band) => (band.to ?? 0) * 1.15),
  );
  const latest = results.at(-1);
  const position = latest === undefined || target === null ? null : compareWithTarget(latest.level, target);
  const summary =
    latest === undefined
      ? t.bloodEmpty(period.kind)
      : [
          t.bloodSummary(results.length, format.blood(latest.level), format.date(latest.sampleDate)),
          position === null ? null : t.bloodAgainstTarget(position),
        ]
          .filter((part) => part !== null)
          .join(' ');

  const formatRange = (band: ValueBand) => {
    const value = (number: number) => format.bloodValue(number);
    if (band.from !== undefined && band.to !== undefined) return `${value(band.from)} to ${value(band.to)}`;
    if (band.from !== undefined) return `above ${value(band.from)}`;
    if (band.to !== undefined) return `below ${value(band.to)}`;
    return '';
  };

  return (
    <TimeSeriesChart
      caption={t.bloodCaption(format.bloodUnitLabel)}
      summary={summary}
      start={period.start}
      end={period.end}
      points={points}
      valueLabel={t.bloodValueLabel(format.bloodUnitLabel)}
      formatValue={(value) =>
        new Intl.NumberFormat(format.locale, { maximumFractionDigits: unit === 'ng/mL' ? 1 : 0 }).format(
          roundForDisplay({ value, unit }),
        )
      }
      formatDate={format.date}
      locale={format.locale}
      yDomain={[0, top]}
      bands={bands}
      bandsHeading={target === null ? t.guidelineBandsHeading : undefined}
      formatBandRange={formatRange}
    />
  );
}

type RatingChoice = SymptomScale | `custom:${string}`;

function SymptomChart({ period, records, format }: ChartsProps) {
  const selectId = useId();
  const [choice, setChoice] = useState<RatingChoice>('fatigue');
  const customNames = [
    ...new Set(records.symptomChecks.flatMap((check) => check.custom.map((custom) => custom.name))),
  ].sort((a, b) => a.localeCompare(b, format.locale));
  const options: { value: RatingChoice; label: string }[] = [
    ...SYMPTOM_SCALES.map((scale) => ({ value: scale as RatingChoice, label: SYMPTOM_NAMES[scale] })),
    ...customNames.map((name) => ({ value: `custom:${name}` as RatingChoice, label: name })),
  ];
  const isCustom = choice.startsWith('custom:');
  const name = isCustom ? choice.slice('custom:'.length) : SYMPTOM_NAMES[choice as SymptomScale];

  const points: TimePoint[] = records.symptomChecks.flatMap((check) => {
    const score = isCustom
      ? check.custom.find((custom) => custom.name === name)?.score
      : check.scores[choice as SymptomScale];
    return score === undefined ? [] : [{ date: check.localDate, value: score }];
  });
  const direction = isCustom
    ? t.customDirection
    : SCALE_DIRECTION[choice as SymptomScale] === 'higher-is-worse'
      ? t.higherIsWorse
      : t.higherIsBetter;
  const values = points.map((point) => point.value);
  const average =
    values.length === 0
      ? ''
      : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(
          values.reduce((sum, value) => sum + value, 0) / values.length,
        );
  const summary =
    values.length === 0
      ? t.symptomEmpty(name, period.kind)
      : `${t.symptomSummary(name, values.length, Math.min(...values), Math.max(...values), average)} ${direction}`;

  return (
    <div className="history-symptom">
      <div className="field history-symptom__choose">
        <label className="field__label" htmlFor={selectId}>
          {t.symptomChoose}
        </label>
        <select
          id={selectId}
          className="select"
          value={choice}
          onChange={(event) => setChoice(event.target.value as RatingChoice)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <TimeSeriesChart
        caption={t.symptomCaption(name)}
        summary={summary}
        start={period.start}
        end={period.end}
        points={points}
        valueLabel={name}
        formatValue={(value) => String(value)}
        formatDate={format.date}
        locale={format.locale}
        yDomain={[0, 10]}
        summariseLongSpans
      />
    </div>
  );
}

function FlareChart({ period, records, format }: ChartsProps) {
  const severityName = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;
  const spans: Span[] = records.flares
    .filter((flare) => flare.startDate <= period.end && (flare.endDate ?? '9999-12-31') >= period.start)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((flare, index, all) => {
      const label = t.flareRow(format.dayMonth(flare.startDate));
      const repeated = all.filter((other) => other.startDate === flare.startDate).length > 1;
      return {
        id: flare.id,
        start: flare.startDate,
        end: flare.endDate ?? period.end,
        isOngoing: flare.endDate === undefined,
        label: repeated ? `${label} (${index + 1})` : label,
        detail: [
          severityName[flare.severity],
          flare.symptoms.join(', '),
          flare.steroidTreatment ? t.steroids : null,
        ]
          .filter((part) => part !== null)
          .join('; '),
      };
    });
  return (
    <SpanChart
      caption={t.flareCaption}
      summary={spans.length === 0 ? t.flareEmpty(period.kind) : t.flareSummary(spans.length, period.kind)}
      start={period.start}
      end={period.end}
      spans={spans}
      formatDate={format.date}
      locale={format.locale}
      columns={t.flareColumns}
      ongoingText={t.ongoing}
    />
  );
}
