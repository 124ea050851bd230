import type { Me } from '@discuss/contracts';
import { useSearchParams } from 'react-router';
import { Page, PageHeader } from '../../components/page.tsx';
import { DeviceIcon, KeyIcon, MailIcon, ShieldIcon, UserIcon } from '../../components/ui/icons.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { RequireSignIn } from '../guards.tsx';
import { EmailSection } from './email-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TokensSection } from './tokens-section.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

const TABS = ['profile', 'email', 'password', 'sessions', 'tokens'] as const;
type Tab = (typeof TABS)[number];
const ICONS = {
  profile: UserIcon,
  email: MailIcon,
  password: ShieldIcon,
  sessions: DeviceIcon,
  tokens: KeyIcon,
};

function toTab(value: string | null): Tab {
  return TABS.find((tab) => tab === value) ?? 'profile';
}

export function SettingsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('settings.title')}>{(me) => <Settings me={me} />}</RequireSignIn>;
}

function Settings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = toTab(params.get('tab'));
  // The open tab lives in the URL (?tab=sessions), so it survives a reload and can be linked to.
  const select = (id: Tab) =>
    setParams(id === 'profile' ? {} : { tab: id }, { replace: true, preventScrollReset: true });

  return (
    <Page>
      <PageHeader
        title={t('settings.title')}
        documentTitle={`${t(`settings.tabs.${tab}`)} – ${t('settings.title')}`}
      />
      <Tabs
        vertical
        label={t('settings.title')}
        selected={tab}
        onSelect={select}
        items={TABS.map((id) => {
          const Icon = ICONS[id];
          return {
            id,
            label: (
              <>
                <Icon />
                {t(`settings.tabs.${id}`)}
              </>
            ),
          };
        })}
      >
        {tab === 'profile' && <ProfileSection me={me} />}
        {tab === 'email' && <EmailSection me={me} />}
        {tab === 'password' && <PasswordSection me={me} />}
        {tab === 'sessions' && <SessionsSection />}
        {tab === 'tokens' && <TokensSection />}
      </Tabs>
    </Page>
  );
}
