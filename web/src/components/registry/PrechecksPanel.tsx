import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Prechecks } from '../../api/registry';
import { useI18n } from '../../app/i18n';
import { Section } from '../Section';
import { ConditionList } from './ConditionList';
import { OverallTag } from './ResultTag';
import { TechSmeScore } from './TechSmeScore';

interface Props {
  data: Prechecks;
  /** Shown in the first card's header, e.g. the assessment date picker. */
  extra?: ReactNode;
}

/** The high-tech precheck and the tech-SME evaluation, explained condition by condition. */
export function PrechecksPanel({ data, extra }: Props) {
  const { t, locale } = useI18n();
  const { highTech, techSme, fromRegister: reg } = data;
  const directLabels = new Map(techSme.direct.map((d) => [d.code, locale === 'zh-CN' ? d.label_zh : d.label_en]));
  const period = highTech.period.length
    ? t('precheck.period', { years: `${highTech.period[0]}–${highTech.period[highTech.period.length - 1]}` })
    : t('precheck.noPeriod');

  return (
    <>
      <Section title={t('precheck.highTech')} extra={extra} testId="precheck-highTech">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          {t('precheck.disclaimer')}
        </Typography.Paragraph>
        <p>
          {t('precheck.overall')}
          <OverallTag overall={highTech.overall} testId="precheck-highTech-overall" /> {t('precheck.date')} {data.date} · {period}
        </p>
        <p style={{ fontSize: 13 }}>
          {t('precheck.fromRegister', {
            years: reg.statsYears.length ? reg.statsYears.join(t('common.listSep')) : t('common.none'),
            inventions: reg.validInventions,
            classII: reg.validClassII,
            cert: reg.hasHighTechCertificate ? t('common.yes') : t('common.no'),
          })}
        </p>
        <Typography.Title level={3} style={{ fontSize: 14 }}>
          {t('precheck.conditions')}
        </Typography.Title>
        <ConditionList conditions={highTech.conditions} />
      </Section>
      <Section title={t('precheck.techSme')} testId="precheck-techSme">
        <p>
          {t('precheck.overall')}
          <OverallTag overall={techSme.overall} testId="precheck-techSme-overall" />
          {techSme.route ? ` ${t(`precheck.route.${techSme.route}`)}` : null}
        </p>
        <TechSmeScore evaluation={techSme} />
        <Typography.Title level={3} style={{ fontSize: 14 }}>
          {t('precheck.conditions')}
        </Typography.Title>
        <ConditionList conditions={techSme.conditions} directLabels={directLabels} />
      </Section>
    </>
  );
}
