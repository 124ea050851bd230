import { STAGES } from '@discuss/contracts';
import { VisibilityBadge } from '../../components/community-badges.tsx';
import { cx } from '../../lib/cx.ts';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatDate, formatList, languageName } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from './community-context.ts';
import { StageHistory } from './stage-history.tsx';

/** `/c/:slug/about`: how the community works (who sees it, how to join), its lifecycle and history. */
export function CommunityAboutPage() {
  const { t } = useTranslation();
  const { community: c } = useCommunityContext();
  const locale = currentLocale();
  useDocumentTitle(`${t('community.tabs.about')} – ${c.name}`);
  const current = STAGES.indexOf(c.stage);

  return (
    <div className="community-columns">
      <div className="community-main stack">
        <section aria-labelledby="how-title" className="stack">
          <h2 id="how-title">{t('community.about.howTitle')}</h2>
          <dl className="facts">
            <dt>{t('community.about.visibility')}</dt>
            <dd>
              <VisibilityBadge visibility={c.visibility} />
              <p>{t(`community.visibilityHelp.${c.visibility}`)}</p>
            </dd>
            <dt>{t('community.about.joinPolicy')}</dt>
            <dd>
              <p>
                <strong>{t(`community.joinPolicy.${c.joinPolicy}`)}.</strong>{' '}
                {t(`community.joinPolicyHelp.${c.joinPolicy}`)}
              </p>
            </dd>
            <dt>{t('community.about.area')}</dt>
            <dd>
              <p>{c.area?.name ?? t('community.noArea')}</p>
            </dd>
            <dt>{t('community.languages')}</dt>
            <dd>
              <p>
                {c.languages.length > 0
                  ? formatList(
                      c.languages.map((code) => languageName(code, locale)),
                      locale,
                    )
                  : t('community.about.noLanguages')}
              </p>
            </dd>
            <dt>{t('community.about.created')}</dt>
            <dd>
              <p>{formatDate(c.createdAt, locale)}</p>
            </dd>
          </dl>
        </section>
        <section aria-labelledby="lifecycle-title" className="stack">
          <h2 id="lifecycle-title">{t('lifecycle.title')}</h2>
          <p className="prose">{t('lifecycle.intro')}</p>
          <ol className="stages" aria-label={t('lifecycle.stagesLabel')}>
            {STAGES.map((stage, index) => (
              <li
                key={stage}
                className={cx(
                  'stages__item',
                  index === current && 'stages__item--current',
                  index < current && 'stages__item--past',
                )}
                aria-current={index === current ? 'step' : undefined}
              >
                <p className="stages__name">
                  {t(`community.stage.${stage}`)}
                  {index === current && <span className="stages__now"> · {t('lifecycle.current')}</span>}
                </p>
                <p className="stages__help">{t(`community.stageHelp.${stage}`)}</p>
              </li>
            ))}
          </ol>
        </section>
        {c.can.readContent && (
          <section aria-labelledby="history-title" className="stack">
            <h2 id="history-title">{t('lifecycle.historyTitle')}</h2>
            <StageHistory slug={c.slug} />
          </section>
        )}
      </div>
    </div>
  );
}
