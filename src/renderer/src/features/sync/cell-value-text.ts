import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/tables/platform.tables';
import { formatDateTime, formatDay } from '../../format/dates';
import type { CellValueView } from './cell-value';
import type { RecordNames } from './record-names';

/** A described cell value as one line of text (a dialog's sentence, a label). */
export function cellValueText(
  view: CellValueView,
  t: TFunction,
  language: Language,
  names: RecordNames,
): string {
  switch (view.kind) {
    case 'hidden':
      return t('sync:values.hidden');
    case 'empty':
      return t('sync:values.empty');
    case 'label':
      return t(view.key);
    case 'labels':
      return view.keys.map((key) => t(key)).join(language === 'ar' ? '، ' : ', ');
    case 'day':
      return formatDay(view.day, language);
    case 'time':
      return formatDateTime(view.iso, language);
    case 'reference': {
      const name =
        view.to === 'user'
          ? names.user(view.id)
          : view.to === 'department'
            ? names.department(view.id)
            : view.to === 'category'
              ? names.category(view.id)
              : null;
      return name ?? t(view.to === 'user' ? 'sync:values.someone' : 'sync:values.otherRecord');
    }
    case 'text':
      return view.text;
  }
}
