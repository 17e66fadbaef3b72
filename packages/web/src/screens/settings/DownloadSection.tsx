import { useState } from 'react';
import { CSV_EXPORT_KINDS, csvExportUrl, exportUrl } from '../../api/data.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { StatusMessage } from '../../components/LiveMessages.tsx';
import { usePasswordBeforeDownload } from '../../components/PasswordBeforeDownload.tsx';
import './data.css';
import { dataStrings as t } from './data-strings.ts';

/**
 * "Download your data": the whole account as one JSON file (edit history and account activity when
 * ticked) and one CSV per kind of entry. Plain links: the server answers each as an attachment, so the
 * browser's own download (with its progress) does the work and nothing is held in the page. The
 * password is asked first when the session last proved itself more than 5 minutes ago.
 */
export function DownloadSection() {
  const [history, setHistory] = useState(false);
  const [activity, setActivity] = useState(false);
  const [started, setStarted] = useState<string>();
  const { onDownload, prompt } = usePasswordBeforeDownload();
  const allHref = exportUrl({ history, activity });

  return (
    <section className="card" aria-labelledby="settings-download">
      <h2 id="settings-download">{t.downloadHeading}</h2>
      <p className="muted">{t.downloadLead}</p>
      <h3 id="settings-download-all">{t.downloadAllHeading}</h3>
      <p className="muted">{t.downloadAllHint}</p>
      <div className="check-list check-list--stacked">
        <CheckboxField isSelected={history} onChange={setHistory}>
          <span className="choice__name">{t.includeHistory}</span>
          <span className="choice__detail">{t.includeHistoryDetail}</span>
        </CheckboxField>
        <CheckboxField isSelected={activity} onChange={setActivity}>
          <span className="choice__name">{t.includeActivity}</span>
          <span className="choice__detail">{t.includeActivityDetail}</span>
        </CheckboxField>
      </div>
      <div className="button-row data-actions">
        <a
          className="button button--primary"
          href={allHref}
          download
          onClick={(event) => {
            setStarted(t.downloadStarted);
            onDownload(allHref)(event);
          }}
        >
          {t.downloadAll}
        </a>
      </div>
      {prompt}
      <StatusMessage message={started} />
      <h3 id="settings-download-csv">{t.csvHeading}</h3>
      <p className="muted">{t.csvHint}</p>
      <ul className="list-plain download-links" aria-labelledby="settings-download-csv">
        {CSV_EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            <a
              className="button button--block"
              href={csvExportUrl(kind)}
              download
              onClick={onDownload(csvExportUrl(kind))}
            >
              {t.csvLink(t.csvKinds[kind])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
