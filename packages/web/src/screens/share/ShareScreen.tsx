import { type LocalDate, localDateOf } from '@sunlog/core/calendar';
import { defaultShareFrom } from '@sunlog/core/exchange/share-range';
import { useState } from 'react';
import type { Me } from '../../api/accounts.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { Page } from '../../components/Page.tsx';
import { usePasswordBeforeDownload } from '../../components/PasswordBeforeDownload.tsx';
import { dateTimeFormat } from '../../format/locale-format.ts';
import { LastAppointmentField } from './LastAppointmentField.tsx';
import { ShareLinkSection } from './ShareLinkSection.tsx';
import { ShareList } from './ShareList.tsx';
import './share.css';

type Paper = 'a4' | 'letter';

/**
 * Share with the clinic: pick the dates (from the last appointment when the person set one, else six
 * months), then download the PDF report (to print or e-mail) or the FHIR Bundle (for a clinic's record
 * system), or make an expiring SMART Health Link. The downloads are plain links to the API, so the
 * browser downloads them with the session's cookie and nothing is kept in the page. The password is
 * asked first when the session last proved itself more than 5 minutes ago.
 */
export function ShareScreen({ me }: { me: Me }) {
  const today = localDateOf(Date.now(), me.profile.timeZone);
  const [from, setFrom] = useState(defaultShareFrom(today, me.profile.lastAppointment));
  // Dates the way the browser's language writes them (see format/locale-format.ts).
  const dates = dateTimeFormat(me.profile.timeZone);
  const formatDate = (date: LocalDate) => dates.longDate(date);
  const formatInstant = (instant: string) => dates.dateTime(instant);
  const [to, setTo] = useState(today);
  const [paper, setPaper] = useState<Paper>(dates.locale.endsWith('US') ? 'letter' : 'a4');
  const rangeError =
    from !== '' && to !== '' && from > to ? 'The first day must be on or before the last day.' : undefined;
  const ready = from !== '' && to !== '' && rangeError === undefined;
  const range = new URLSearchParams({ from, to });
  const reportHref = `/api/v1/reports/pdf?${new URLSearchParams({ from, to, paper })}`;
  const fhirHref = `/api/v1/export/fhir?${range}`;
  const report = usePasswordBeforeDownload();
  const fhir = usePasswordBeforeDownload();

  return (
    <Page title="Share with your clinic" className="share">
      <p className="lead">
        Make a summary of your records for your neurologist or MS nurse. You choose the dates; nothing is sent
        anywhere until you pass the file on yourself.
      </p>
      <section className="card" aria-labelledby="share-range">
        <h2 id="share-range">Which dates</h2>
        <LastAppointmentField
          me={me}
          today={today}
          formatDate={formatDate}
          onSaved={(date) => setFrom(defaultShareFrom(to, date))}
        />
        <p>
          {me.profile.lastAppointment === undefined || me.profile.lastAppointment === null
            ? 'Six months up to today to start with; change them if you like.'
            : `Since your last appointment (${formatDate(me.profile.lastAppointment)}) to start with; change them if you like.`}
        </p>
        <div className="share__dates">
          <NativeInput
            label="First day"
            name="from"
            type="date"
            value={from}
            onChange={setFrom}
            max={today}
          />
          <NativeInput
            label="Last day"
            name="to"
            type="date"
            value={to}
            onChange={setTo}
            max={today}
            error={rangeError}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="share-report">
        <h2 id="share-report">Report to print or e-mail (PDF)</h2>
        <p>
          One page your clinician can read at a glance: your vitamin D plan and doses, how often you took
          them, your blood results against your own target and the published guideline ranges, flare-ups, how
          your symptoms went month by month, and the questions you wrote in your check-ins. Tables with every
          entry follow on the next pages.
        </p>
        <ChoiceGroup<Paper>
          label="Paper size"
          name="paper"
          value={paper}
          onChange={setPaper}
          choices={[
            { value: 'a4', name: 'A4', detail: 'Most countries' },
            { value: 'letter', name: 'US Letter', detail: 'United States and Canada' },
          ]}
        />
        <p className="button-row">
          {ready ? (
            <a
              className="button button--primary"
              href={reportHref}
              download
              onClick={report.onDownload(reportHref)}
            >
              Download PDF report
            </a>
          ) : (
            <span className="note">Choose a first and last day to download.</span>
          )}
        </p>
        {report.prompt}
      </section>

      <section className="card" aria-labelledby="share-fhir">
        <h2 id="share-fhir">File for the clinic’s record system (FHIR)</h2>
        <p>
          The same records in FHIR, the standard format health record systems read. Give this file to the
          clinic if they ask for one they can import. It holds your display name but not your email or
          password, and every entry in it is marked as recorded by you.
        </p>
        <p className="button-row">
          {ready ? (
            <a className="button" href={fhirHref} download onClick={fhir.onDownload(fhirHref)}>
              Download FHIR Bundle
            </a>
          ) : (
            <span className="note">Choose a first and last day to download.</span>
          )}
        </p>
        {fhir.prompt}
      </section>

      <ShareLinkSection from={from} to={to} ready={ready} formatDate={formatDate} />
      <ShareList formatDate={formatDate} formatInstant={formatInstant} />

      <p className="note">
        Sunlog keeps and shares your own records. It does not diagnose or give medical advice. Anyone you give
        these files to can read everything in them.
      </p>
    </Page>
  );
}
