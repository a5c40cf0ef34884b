/**
 * The religious public holidays, which follow the Hijri calendar and Morocco's own moon sighting
 * (DOMAIN.md): 1 Muharram one day; the Mawlid (12-13 Rabi' I), Aid al-Fitr (1-2 Shawwal) and
 * Aid al-Adha (10-11 Dhu al-Hijja) two days each for civil servants.
 *
 * 2024 and 2025 are the days Morocco observed (often a day after Saudi Arabia, its sighting being
 * its own). From 2026 they are astronomical PREDICTIONS: the Ministry of Habous announces each one
 * the evening before, and the administrator corrects this list with rows of the holidays table
 * (a `religious` day off, and `not_a_holiday` on a predicted day that was not one).
 */
export type ReligiousHolidayKey = 'hijri_new_year' | 'mawlid' | 'aid_al_fitr' | 'aid_al_adha';

export interface ReligiousHoliday {
  key: ReligiousHolidayKey;
  /** The first day; `days` consecutive calendar days off from it. */
  firstDay: string;
  days: 1 | 2;
  /** False where the date is the one Morocco observed; true where it is still a prediction. */
  predicted: boolean;
}

const observed = (key: ReligiousHolidayKey, firstDay: string, days: 1 | 2): ReligiousHoliday => ({
  key,
  firstDay,
  days,
  predicted: false,
});
const predicted = (key: ReligiousHolidayKey, firstDay: string, days: 1 | 2): ReligiousHoliday => ({
  key,
  firstDay,
  days,
  predicted: true,
});

export const religiousHolidays: readonly ReligiousHoliday[] = [
  // 1445-1446 AH, as observed in Morocco.
  observed('aid_al_fitr', '2024-04-10', 2),
  observed('aid_al_adha', '2024-06-17', 2),
  observed('hijri_new_year', '2024-07-08', 1),
  observed('mawlid', '2024-09-16', 2),
  // 1446-1447 AH, as observed in Morocco.
  observed('aid_al_fitr', '2025-03-31', 2),
  observed('aid_al_adha', '2025-06-07', 2),
  observed('hijri_new_year', '2025-06-27', 1),
  observed('mawlid', '2025-09-05', 2),
  // Predictions from here on: corrected by the administrator once announced.
  predicted('aid_al_fitr', '2026-03-20', 2),
  predicted('aid_al_adha', '2026-05-27', 2),
  predicted('hijri_new_year', '2026-06-16', 1),
  predicted('mawlid', '2026-08-25', 2),
  predicted('aid_al_fitr', '2027-03-09', 2),
  predicted('aid_al_adha', '2027-05-16', 2),
  predicted('hijri_new_year', '2027-06-06', 1),
  predicted('mawlid', '2027-08-14', 2),
  predicted('aid_al_fitr', '2028-02-26', 2),
  predicted('aid_al_adha', '2028-05-05', 2),
  predicted('hijri_new_year', '2028-05-25', 1),
  predicted('mawlid', '2028-08-03', 2),
  predicted('aid_al_fitr', '2029-02-14', 2),
  predicted('aid_al_adha', '2029-04-24', 2),
  predicted('hijri_new_year', '2029-05-14', 1),
  predicted('mawlid', '2029-07-24', 2),
  predicted('aid_al_fitr', '2030-02-04', 2),
  predicted('aid_al_adha', '2030-04-13', 2),
  predicted('hijri_new_year', '2030-05-04', 1),
  predicted('mawlid', '2030-07-13', 2),
];

/** The years the list above covers; outside them only the administrator's rows name these days. */
export const religiousHolidayYears = { first: 2024, last: 2030 } as const;
