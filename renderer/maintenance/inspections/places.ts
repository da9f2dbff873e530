/** Where a round or plan goes, in a table cell: one place in full, several as "眷舍甲棟 等 7 處". */
import { useMemo } from 'react';
import { useLocale, useT } from '../../app/i18n';
import { nameOf } from '../../../domain/i18n';
import { usePlaceLabel, usePlaces } from '../../app/reference';

export function usePlacesText(): (spaceIds: readonly string[]) => { text: string; title: string } {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const places = usePlaces();
  const label = usePlaceLabel();
  return useMemo(
    () => (ids: readonly string[]) => {
      if (ids.length <= 1) return { text: ids[0] ? label(ids[0]) : '', title: ids[0] ? label(ids[0]) : '' };
      const first = places.space.get(ids[0]);
      return { text: t('inspections.plan.placeCount', { first: first ? nameOf(first, locale) : ids[0], count: ids.length }), title: ids.map(label).join('\n') };
    },
    [t, locale, places, label],
  );
}
