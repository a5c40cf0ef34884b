import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseEvent } from '../../../../../shared/api/procedures/cases.procedures';
import arCases from '../../../i18n/ar/cases.json';
import arCommon from '../../../i18n/ar/common.json';
import arComplaints from '../../../i18n/ar/complaints.json';
import frCases from '../../../i18n/fr/cases.json';
import frCommon from '../../../i18n/fr/common.json';
import frComplaints from '../../../i18n/fr/complaints.json';
import { formatDay } from '../../../format/dates';
import { describeDetail, linkedCase } from './timeline-detail';

async function translator(language: 'ar' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      ar: { common: arCommon, complaints: arComplaints, cases: arCases },
      fr: { common: frCommon, complaints: frComplaints, cases: frCases },
    },
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const source = '0190a000-0000-7000-8000-0000000000bb';
const detail = {
  citizens: [{ complaintId: source, number: '2026/0007' }],
  mergedInto: null,
  attachments: [],
  replies: [],
} as unknown as CaseDetail;
const lookups = { departmentNames: new Map(), categoryNames: new Map(), assigneeNames: new Map() };

function mergedFrom(facts: CaseEvent['detail']): CaseEvent {
  return {
    id: 'e1',
    at: '2026-03-10T09:00:00.000Z',
    type: 'merged_from',
    userId: null,
    userName: null,
    detail: facts,
    body: null,
  };
}

describe('a merge on the timeline', () => {
  it('says which deadlines the target took from the merged case', async () => {
    for (const language of ['ar', 'fr'] as const) {
      const t = await translator(language);
      const event = mergedFrom({
        sourceId: source,
        clockFromSource: true,
        ackDueOn: '2026-03-12',
        answerDueOn: '2026-04-26',
        acknowledgedOn: null,
      });
      const parts = describeDetail(event, detail, lookups, t, language);
      expect(parts).toEqual([
        t('cases:timeline.clockFromSource'),
        t('cases:timeline.ackDueOn', { date: formatDay('2026-03-12', language) }),
        t('cases:timeline.answerDueOn', { date: formatDay('2026-04-26', language) }),
      ]);
      expect(parts.join(' ')).toContain(formatDay('2026-04-26', language));
      expect(linkedCase(event, detail)).toEqual({ id: source, number: '2026/0007' });
    }
  });

  it('leaves out an acknowledgement already given, and says nothing when the clock stayed', async () => {
    const t = await translator('fr');
    const acknowledged = describeDetail(
      mergedFrom({
        sourceId: source,
        clockFromSource: true,
        ackDueOn: '2026-03-12',
        answerDueOn: '2026-04-26',
        acknowledgedOn: '2026-03-05',
      }),
      detail,
      lookups,
      t,
      'fr',
    );
    expect(acknowledged).toHaveLength(2);
    expect(acknowledged.join(' ')).not.toContain(formatDay('2026-03-12', 'fr'));
    expect(describeDetail(mergedFrom({ sourceId: source }), detail, lookups, t, 'fr')).toEqual([]);
  });
});
