import { bloodLevelCautions, type Caution } from '@sunlog/core/cautions';
import { classifyVitaminDAll, compareWithTarget } from '@sunlog/core/ranges';
import type { VitaminDLabResult } from '@sunlog/core/records/lab-result';
import type { Profile } from '@sunlog/core/records/profile';
import { convertBlood, formatQuantity } from '@sunlog/core/units';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Deferred } from '../../components/Deferred.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { todayStrings as t } from './strings.ts';
import { useLatestVitaminD } from './today-data.ts';

/** Adding a blood result opens a form from a button: it loads then, not with Today. */
const BloodResultForm = lazyRetrying(() =>
  import('./BloodResultForm.tsx').then((module) => ({ default: module.BloodResultForm })),
);

/** Enter a 25(OH)D result; the newest one is shown in the person's unit, classified per guideline. */
export function BloodResultSection({
  profile,
  today,
  formatDate,
  outbox,
}: {
  profile: Profile;
  today: string;
  formatDate: (date: string) => string;
  outbox: OutboxView;
}) {
  const latest = useLatestVitaminD();
  const [isAdding, setAdding] = useState(false);
  const [status, setStatus] = useState<string>();
  // The result just saved: when it is not the latest (an older report typed in later), its cautions are
  // still shown at once, so a dangerous value is never saved out of sight.
  const [justSaved, setJustSaved] = useState<VitaminDLabResult>();
  const savedCautions =
    justSaved === undefined || justSaved.id === latest.data?.id ? [] : bloodLevelCautions(justSaved.level);
  return (
    <section className="card today-card" aria-labelledby="today-blood">
      <h2 id="today-blood">{t.bloodHeading}</h2>
      {latest.isError ? <FormAlert message={t.loadFailed} /> : null}
      {latest.data ? (
        <LabResultSummary
          result={latest.data}
          profile={profile}
          formatDate={formatDate}
          isWaiting={outbox.isWaiting(latest.data.id)}
        />
      ) : null}
      {savedCautions.length > 0 && justSaved !== undefined ? (
        <section className="lab-result" aria-labelledby="today-saved-lab">
          <h3 id="today-saved-lab">{t.justSavedHeading(formatDate(justSaved.sampleDate))}</h3>
          <CautionList cautions={savedCautions} />
        </section>
      ) : null}
      <StatusMessage message={status} />
      {isAdding ? (
        <Deferred>
          <BloodResultForm
            profile={profile}
            today={today}
            onDone={(message, saved) => {
              setAdding(false);
              setJustSaved(saved);
              setStatus(
                saved !== undefined && bloodLevelCautions(saved.level).length > 0
                  ? `${message ?? ''} ${t.bloodSavedSeeCaution}`.trim()
                  : message,
              );
            }}
          />
        </Deferred>
      ) : (
        <div className="button-row today-card__more">
          <Button
            className="button"
            onPress={() => {
              setStatus(undefined);
              setJustSaved(undefined);
              setAdding(true);
            }}
          >
            {t.bloodAdd}
          </Button>
        </div>
      )}
    </section>
  );
}

/** A result in the preferred unit (the value as entered beside it), its bands per source, cautions and target. */
export function LabResultSummary({
  result,
  profile,
  formatDate,
  isWaiting,
}: {
  result: VitaminDLabResult;
  profile: Profile;
  formatDate: (date: string) => string;
  isWaiting: boolean;
}) {
  const level = result.level;
  const shown = formatQuantity(convertBlood(level, profile.bloodUnit), displayLocale());
  const entered = formatQuantity(level, displayLocale());
  const classifications = classifyVitaminDAll(level);
  const cautions = bloodLevelCautions(level);
  const target = compareWithTarget(level, profile.bloodTarget);
  return (
    <section className="lab-result" aria-labelledby="today-latest-lab">
      <h3 id="today-latest-lab">{t.latestHeading}</h3>
      <p className="lab-result__value">
        <span className="lab-result__number">{shown}</span>{' '}
        {level.unit === profile.bloodUnit ? null : <span className="muted">({t.enteredAs(entered)})</span>}{' '}
        <SyncBadge isWaiting={isWaiting} />
      </p>
      <p className="muted">
        {t.sampledOn(formatDate(result.sampleDate))}
        {result.labName === undefined ? '' : ` ${t.atLab(result.labName)}`}.
      </p>
      <CautionList cautions={cautions} />
      {target === null ? null : <p className="lab-result__target">{t.target[target]}</p>}
      <ul className="list-plain classifications">
        {classifications.map(({ guideline, category }) => (
          <li key={guideline.id} className="classification">
            <p className="classification__source">{t.perGuideline(guideline.name)}</p>
            <p className="classification__label">{category.label}</p>
            <p className="classification__detail">{category.description}</p>
            {guideline.context === undefined ? null : (
              <p className="classification__detail">{guideline.context}</p>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t.guidelineNote}</p>
    </section>
  );
}

function CautionList({ cautions }: { cautions: readonly Caution[] }) {
  return cautions.map((caution) => (
    <div key={caution.code} className={caution.severity === 'urgent' ? 'alert' : 'note'} role="note">
      <p>{caution.message}</p>
      <p className="muted">{t.cautionSource(caution.source.name)}</p>
    </div>
  ));
}
