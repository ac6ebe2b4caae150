import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { registryTypesQuery } from '../../api/registry';
import { useI18n } from '../../app/i18n';

/** Industry tags, qualification and platform types, with names in the user's language. */
export function useRegistryTypes() {
  const { locale } = useI18n();
  const query = useQuery(registryTypesQuery());
  return useMemo(() => {
    const data = query.data;
    const name = (x: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);
    const tags = new Map((data?.industryTags ?? []).map((x) => [x.code, name(x)]));
    const qualifications = new Map((data?.qualificationTypes ?? []).map((x) => [x.code, name(x)]));
    const platforms = new Map((data?.platformTypes ?? []).map((x) => [x.code, name(x)]));
    return {
      isPending: query.isPending,
      tagName: (code: string) => tags.get(code) ?? code,
      qualificationName: (code: string) => qualifications.get(code) ?? code,
      platformTypeName: (code: string) => platforms.get(code) ?? code,
      tagOptions: [...tags].map(([value, label]) => ({ value, label })),
      qualificationOptions: [...qualifications].map(([value, label]) => ({ value, label })),
      platformTypeOptions: [...platforms].map(([value, label]) => ({ value, label })),
      qualificationTypes: data?.qualificationTypes ?? [],
      platformTypes: data?.platformTypes ?? [],
    };
  }, [query.data, query.isPending, locale]);
}
