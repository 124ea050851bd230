import { NavTabs } from '../../components/ui/nav-tabs.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** The operator's pages, one tab each. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <NavTabs
      label={t('admin.navLabel')}
      items={[
        { to: '/admin/communities', label: t('admin.nav.communities') },
        { to: '/admin/areas', label: t('admin.nav.areas') },
        { to: '/admin/users', label: t('admin.nav.users') },
      ]}
    />
  );
}
