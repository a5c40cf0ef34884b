import type { ComplaintKind, ComplaintStatus } from '../../shared/complaints/complaint-values';
import type { Language } from '../../shared/tables/platform.tables';

/**
 * The words of the statistics workbook. Core builds the file and cannot read the screens'
 * translation files (DESIGN.md: core imports shared only), so the few labels it needs live here,
 * Arabic first. Kinds and statuses must read as on the screens (complaints.json): a test compares.
 */
export interface StatsSheetLabels {
  sheets: Record<'summary' | 'byKind' | 'byCategory' | 'byDepartment' | 'byStatus', string>;
  columns: Record<
    'item' | 'value' | 'kind' | 'category' | 'department' | 'status' | 'count' | 'share',
    string
  >;
  summary: Record<
    'from' | 'to' | 'total' | 'answered' | 'mean' | 'median' | 'within60' | 'exportedOn',
    string
  >;
  total: string;
  noDepartment: string;
  unknownCategory: string;
  unknownDepartment: string;
  kinds: Record<ComplaintKind, string>;
  statuses: Record<ComplaintStatus, string>;
}

export const statsSheetLabels: Record<Language, StatsSheetLabels> = {
  ar: {
    sheets: {
      summary: 'ملخص',
      byKind: 'حسب النوع',
      byCategory: 'حسب الصنف',
      byDepartment: 'حسب المصلحة',
      byStatus: 'حسب الحالة',
    },
    columns: {
      item: 'البيان',
      value: 'القيمة',
      kind: 'النوع',
      category: 'الصنف',
      department: 'القسم أو المصلحة',
      status: 'الحالة',
      count: 'العدد',
      share: 'النسبة من المجموع',
    },
    summary: {
      from: 'من تاريخ',
      to: 'إلى تاريخ',
      total: 'مجموع الحالات المسجلة',
      answered: 'الحالات المجاب عنها',
      mean: 'متوسط مدة الجواب (بالأيام)',
      median: 'وسيط مدة الجواب (بالأيام)',
      within60: 'نسبة الأجوبة داخل أجل 60 يوما',
      exportedOn: 'تاريخ الاستخراج',
    },
    total: 'المجموع',
    noDepartment: 'غير موجهة بعد',
    unknownCategory: 'صنف غير معروف',
    unknownDepartment: 'مصلحة غير معروفة',
    kinds: { complaint: 'شكاية', observation: 'ملاحظة', suggestion: 'اقتراح' },
    statuses: {
      received: 'مستلمة',
      routed: 'موجهة',
      in_progress: 'قيد المعالجة',
      awaiting_approval: 'في انتظار المصادقة',
      approved: 'جواب مصادق عليه',
      answered: 'تمت الإجابة',
      closed: 'مغلقة',
      merged: 'مضمومة',
    },
  },
  fr: {
    sheets: {
      summary: 'Synthèse',
      byKind: 'Par type',
      byCategory: 'Par catégorie',
      byDepartment: 'Par service',
      byStatus: 'Par statut',
    },
    columns: {
      item: 'Indicateur',
      value: 'Valeur',
      kind: 'Type',
      category: 'Catégorie',
      department: 'Division ou service',
      status: 'Statut',
      count: 'Nombre',
      share: 'Part du total',
    },
    summary: {
      from: 'Du',
      to: 'Au',
      total: 'Total des dossiers enregistrés',
      answered: 'Dossiers ayant reçu une réponse',
      mean: 'Délai moyen de réponse (jours)',
      median: 'Délai médian de réponse (jours)',
      within60: 'Part des réponses dans le délai de 60 jours',
      exportedOn: "Date d'extraction",
    },
    total: 'Total',
    noDepartment: 'Pas encore orientée',
    unknownCategory: 'Catégorie inconnue',
    unknownDepartment: 'Service inconnu',
    kinds: { complaint: 'Réclamation', observation: 'Observation', suggestion: 'Suggestion' },
    statuses: {
      received: 'Reçue',
      routed: 'Orientée',
      in_progress: 'En traitement',
      awaiting_approval: "En attente d'approbation",
      approved: 'Réponse approuvée',
      answered: 'Répondue',
      closed: 'Clôturée',
      merged: 'Fusionnée',
    },
  },
};
