import { useTranslation } from '../i18n/i18n.ts';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>
          <strong>DISCUSS</strong> — {t('footer.tagline')}
        </p>
        <ul>
          <li>
            <a href="/api/openapi.json">{t('footer.api')}</a>
          </li>
          <li>{t('footer.licence')}</li>
        </ul>
      </div>
    </footer>
  );
}
