import type { ActivityEntry } from '@sunlog/core/records/account-activity';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { readActivity } from '../../api/activity.ts';
import { queryKeys } from '../../api/queries.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { settingsStrings as t } from './strings.ts';

/** The person's own audit trail: what happened on their account, when and from where. */
export function ActivityList({ timeZone, locale }: { timeZone: string; locale: string }) {
  const activity = useInfiniteQuery({
    queryKey: queryKeys.activity,
    queryFn: ({ pageParam }) => readActivity(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // What happened a moment ago (a sign-in, a settings change) shows when the screen opens.
    refetchOnMount: 'always',
  });
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const entries = activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="settings-activity">
      <h2 id="settings-activity">{t.activityHeading}</h2>
      <p className="muted">{t.activityLead}</p>
      {activity.isPending ? <p role="status">{t.activityLoading}</p> : null}
      {activity.isError ? <FormAlert message={activity.error.message} /> : null}
      {activity.isSuccess && entries.length === 0 ? <p>{t.activityEmpty}</p> : null}
      <ul className="list-plain activity">
        {entries.map((entry) => (
          <li key={entry.id} className="activity__item">
            <p className="activity__what">{describeActivity(entry)}</p>
            <p className="activity__when">
              <time dateTime={entry.at}>{formatter.format(new Date(entry.at))}</time>
              {entry.address === undefined ? null : ` ${t.activityFrom(entry.address)}`}
            </p>
          </li>
        ))}
      </ul>
      {activity.hasNextPage ? (
        <Button
          className="button"
          isDisabled={activity.isFetchingNextPage}
          onPress={() => void activity.fetchNextPage()}
        >
          {activity.isFetchingNextPage ? t.activityLoadingMore : t.activityMore}
        </Button>
      ) : null}
    </section>
  );
}

/** One event in plain words: "Failed sign-in attempt (wrong password)", "Settings changed: time zone". */
function describeActivity(entry: ActivityEntry): string {
  if (entry.action === 'session.sign-in' && entry.outcome === 'failure') {
    const reason = entry.reason === undefined ? undefined : t.activityReasons[entry.reason];
    return reason === undefined ? t.activityFailedSignIn : `${t.activityFailedSignIn} (${reason})`;
  }
  if (entry.action === 'password.change' && entry.outcome === 'failure') {
    const reason = entry.reason === undefined ? undefined : t.activityReasons[entry.reason];
    return reason === undefined
      ? t.activityPasswordNotChanged
      : `${t.activityPasswordNotChanged} (${reason})`;
  }
  const what = t.activityActions[entry.action];
  if (entry.action.startsWith('share.')) return describeShareActivity(what, entry);
  if (entry.recordKind !== undefined)
    return `${what}: ${t.activityKinds[entry.recordKind] ?? entry.recordKind}`;
  if (entry.fields !== undefined) {
    return `${what}: ${entry.fields.map((field) => t.activityFields[field] ?? field).join(', ')}`;
  }
  return what;
}

/**
 * A share link's event: which link (its label), who opened it (the name the viewer gave, which is only
 * what they typed) and, when refused, why: "Someone was refused a share link “Neuro” — Dr Lee (wrong passcode)".
 */
function describeShareActivity(what: string, entry: ActivityEntry): string {
  const label = entry.shareLabel === undefined ? '' : ` “${entry.shareLabel}”`;
  const recipient = entry.recipient === undefined ? '' : ` — ${t.activityRecipient(entry.recipient)}`;
  const reason =
    entry.reason === undefined ? undefined : (t.activityShareReasons[entry.reason] ?? entry.reason);
  return `${what}${label}${recipient}${reason === undefined ? '' : ` (${reason})`}`;
}
