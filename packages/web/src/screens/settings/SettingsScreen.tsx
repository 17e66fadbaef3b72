import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { ActivityList } from './ActivityList.tsx';
import { BloodTargetSection } from './BloodTargetSection.tsx';
import { ChangePasswordSection } from './ChangePasswordSection.tsx';
import { DeleteAccountSection } from './DeleteAccountSection.tsx';
import { DownloadSection } from './DownloadSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { RemindersSection } from './RemindersSection.tsx';
import { SessionsList } from './SessionsList.tsx';
import { SignOutSection } from './SignOutSection.tsx';
import { settingsStrings as t } from './strings.ts';
import { TwoStepSection } from './TwoStepSection.tsx';

export function SettingsScreen({ me }: { me: Me }) {
  return (
    <Page title={t.title}>
      <ProfileForm me={me} />
      <BloodTargetSection me={me} />
      <RemindersSection me={me} />
      <ChangePasswordSection />
      <TwoStepSection />
      <PasskeysSection timeZone={me.profile.timeZone} locale={displayLocale()} />
      <SessionsList timeZone={me.profile.timeZone} locale={displayLocale()} />
      <SignOutSection />
      <ActivityList timeZone={me.profile.timeZone} locale={displayLocale()} />
      <DownloadSection />
      <ImportSection />
      <DeleteAccountSection email={me.user.email} />
    </Page>
  );
}
