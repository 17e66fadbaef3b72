import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { Link } from '../../router.ts';
import { todayStrings as t } from './strings.ts';

/** The home screen after sign-in; for now it says what Sunlog is and what it is not. */
export function TodayScreen({ me }: { me: Me }) {
  return (
    <Page title={t.title}>
      <p className="lead">{t.greeting(me.profile.displayName)}</p>
      <section className="card" aria-labelledby="today-about">
        <h2 id="today-about">{t.aboutHeading}</h2>
        <p>{t.about}</p>
        <p>{t.settingsPrompt}</p>
        <Link to="/settings" className="button button--primary">
          {t.settingsAction}
        </Link>
      </section>
      <section className="card" aria-labelledby="today-next">
        <h2 id="today-next">{t.nextHeading}</h2>
        <ul className="steps">
          {t.next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <aside className="note" aria-labelledby="today-disclaimer">
        <h2 id="today-disclaimer">{t.disclaimerHeading}</h2>
        <p>{t.disclaimer}</p>
      </aside>
    </Page>
  );
}
