import type { Db } from '../connection';

/**
 * The complaints register (decree 2-17-265): categories, reply templates, complaints with their
 * timeline, replies and attachments, a device-local numbering sequence and the full-text index.
 *
 * No foreign keys between synced tables: sync applies rows as they arrive, a complaint may land
 * before its category. Core checks references when it writes.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE categories (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL,
      department_id TEXT,
      default_assignee_id TEXT,
      position INTEGER NOT NULL,
      active INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE reply_templates (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      category_id TEXT,
      language TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reply_templates_category ON reply_templates (category_id, language);

    CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      local_number TEXT NOT NULL,
      official_number TEXT,
      kind TEXT NOT NULL,
      channel TEXT NOT NULL,
      urgent INTEGER NOT NULL,
      received_on TEXT NOT NULL,
      citizen_name TEXT NOT NULL,
      citizen_phone TEXT,
      citizen_email TEXT,
      citizen_address TEXT,
      citizen_cin TEXT,
      subject TEXT NOT NULL,
      description TEXT NOT NULL,
      district TEXT NOT NULL,
      location TEXT,
      category_id TEXT NOT NULL,
      department_id TEXT,
      assignee_id TEXT,
      status TEXT NOT NULL,
      ack_due_on TEXT NOT NULL,
      answer_due_on TEXT NOT NULL,
      acknowledged_on TEXT,
      called_on TEXT,
      answered_on TEXT,
      closed_on TEXT,
      resolution TEXT,
      merged_into TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      -- The next legal deadline while the clock runs (legal-clock.ts, nextDeadline), computed by
      -- SQLite from the row itself, so every writer (core, sync) keeps it right; the queue sorts
      -- on it. NULL once answered, closed or merged.
      next_due_on TEXT GENERATED ALWAYS AS (
        CASE
          WHEN deleted = 1 OR status IN ('answered', 'closed', 'merged') THEN NULL
          WHEN acknowledged_on IS NULL AND ack_due_on < answer_due_on THEN ack_due_on
          ELSE answer_due_on
        END
      ) VIRTUAL
    ) STRICT;

    -- The queue's saved views, each sorted urgent first then by the next deadline.
    CREATE INDEX complaints_open ON complaints (urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_assignee ON complaints (assignee_id, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_department ON complaints (department_id, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_status ON complaints (status, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_received ON complaints (received_on DESC);
    CREATE INDEX complaints_category ON complaints (category_id, received_on DESC);
    CREATE INDEX complaints_merged_into ON complaints (merged_into) WHERE merged_into IS NOT NULL;
    CREATE UNIQUE INDEX complaints_local_number ON complaints (local_number);

    CREATE TABLE complaint_events (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      at TEXT NOT NULL,
      user_id TEXT,
      type TEXT NOT NULL,
      detail TEXT,
      body TEXT
    ) STRICT;
    CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
    CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
    CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;

    CREATE TABLE complaint_replies (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      language TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      drafted_by TEXT NOT NULL,
      reviewed_by TEXT,
      reviewed_at TEXT,
      review_comment TEXT,
      delivery TEXT,
      delivered_on TEXT
    ) STRICT;
    CREATE INDEX complaint_replies_complaint ON complaint_replies (complaint_id);

    CREATE TABLE complaint_attachments (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX complaint_attachments_complaint ON complaint_attachments (complaint_id);

    -- Full-text search over number, citizen, subject, description and district, normalized in
    -- shared/text (maktab_search_text, registered on every connection by openDatabase). Kept by
    -- triggers, so rows written by sync are found like those typed here.
    -- prefix '2 3': a search of two or three letters (what is typed first) reads a prefix index
    -- instead of merging every word that starts with them (250 ms -> 0.4 ms on 200k cases, for an
    -- index about 2.4 times larger: some 0.6 KB a case).
    CREATE VIRTUAL TABLE complaints_search USING fts5(
      text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints BEGIN
      INSERT INTO complaints_search (rowid, text) VALUES (new.rowid, maktab_search_text(
        new.local_number, new.official_number, new.citizen_name, new.citizen_phone,
        new.subject, new.description, new.district));
    END;
    CREATE TRIGGER complaints_search_update AFTER UPDATE OF local_number, official_number,
      citizen_name, citizen_phone, subject, description, district ON complaints BEGIN
      DELETE FROM complaints_search WHERE rowid = old.rowid;
      INSERT INTO complaints_search (rowid, text) VALUES (new.rowid, maktab_search_text(
        new.local_number, new.official_number, new.citizen_name, new.citizen_phone,
        new.subject, new.description, new.district));
    END;
  `);
  db.exec(`
    -- The queue sorted by number (the official one once given, else this PC's) reads it in order.
    CREATE INDEX complaints_number ON complaints (coalesce(official_number, local_number));
    -- The \`all\` view: counted on this index alone, and sorted by receipt without a sort.
    CREATE INDEX complaints_live ON complaints (received_on) WHERE deleted = 0;
    -- The districts offered at intake, most used first, counted on this index alone.
    CREATE INDEX complaints_district ON complaints (district) WHERE deleted = 0;
  `);
  seedCategories(db);
  seedReplyTemplates(db);
}

/**
 * The commune's categories, with the same fixed ids on every PC and on the server, so a complaint
 * filed under "public lighting" anywhere means the same row. Written here, not through the
 * mutation path: every database starts with them, there is no change to send. Departments are
 * left for the administrator to choose (they differ from commune to commune).
 */
const seededCategories: readonly (readonly [id: string, nameAr: string, nameFr: string])[] = [
  ['01970000-ca7e-7000-8000-000000000001', 'الإنارة العمومية', 'Éclairage public'],
  ['01970000-ca7e-7000-8000-000000000002', 'الطرق والأزقة', 'Voirie (routes et ruelles)'],
  ['01970000-ca7e-7000-8000-000000000003', 'جمع النفايات', 'Collecte des déchets'],
  [
    '01970000-ca7e-7000-8000-000000000004',
    'التطهير السائل وقنوات الصرف',
    'Assainissement liquide et égouts',
  ],
  ['01970000-ca7e-7000-8000-000000000005', 'المساحات الخضراء', 'Espaces verts'],
  ['01970000-ca7e-7000-8000-000000000006', 'الأسواق', 'Marchés'],
  [
    '01970000-ca7e-7000-8000-000000000007',
    'التعمير ورخص البناء',
    'Urbanisme et permis de construire',
  ],
  ['01970000-ca7e-7000-8000-000000000008', 'الضجيج', 'Nuisances sonores'],
  ['01970000-ca7e-7000-8000-000000000009', 'الحيوانات الضالة', 'Animaux errants'],
  ['01970000-ca7e-7000-8000-00000000000a', 'الحالة المدنية', 'État civil'],
  ['01970000-ca7e-7000-8000-00000000000b', 'أخرى', 'Autre'],
];

function seedCategories(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO categories (id, name_ar, name_fr, department_id, default_assignee_id, position, active)
     VALUES (?, ?, ?, NULL, NULL, ?, 1)`,
  );
  // Steps of ten leave room for the administrator to slot a category in between.
  seededCategories.forEach(([id, nameAr, nameFr], i) =>
    insert.run(id, nameAr, nameFr, (i + 1) * 10),
  );
}

/**
 * Reply templates in the commune's formal style, with the placeholders of reply-template.ts. The
 * bracketed line is for the clerk to replace: decree 2-17-265 wants a reasoned answer.
 */
const seededReplyTemplates: readonly {
  id: string;
  categoryId: string | null;
  language: 'ar' | 'fr';
  title: string;
  body: string;
}[] = [
  {
    id: '01970000-7e3b-7000-8000-000000000001',
    categoryId: null,
    language: 'ar',
    title: 'إشعار بالتوصل',
    body: [
      'السيد(ة) {{citizen_name}}،',
      '',
      'سلام تام بوجود مولانا الإمام المؤيد بالله،',
      '',
      'وبعد، يشرفني أن أشعركم بتوصل جماعة القصر الكبير بشكايتكم بتاريخ {{received_on}} في موضوع: «{{subject}}»، وقد سجلت تحت عدد {{number}} وأحيلت على المصالح الجماعية المختصة قصد دراستها.',
      '',
      'وسيتم موافاتكم بالجواب داخل أجل لا يتعدى ستين (60) يوما من تاريخ التوصل، طبقا لمقتضيات المرسوم رقم 2.17.265 الصادر في 23 يونيو 2017.',
      '',
      'والسلام.',
    ].join('\n'),
  },
  {
    id: '01970000-7e3b-7000-8000-000000000002',
    categoryId: null,
    language: 'ar',
    title: 'جواب عام',
    body: [
      'السيد(ة) {{citizen_name}}،',
      '',
      'سلام تام بوجود مولانا الإمام المؤيد بالله،',
      '',
      'وبعد، فجوابا على شكايتكم المسجلة لدى جماعة القصر الكبير تحت عدد {{number}} بتاريخ {{received_on}} في موضوع: «{{subject}}»، يشرفني أن أخبركم أن المصالح الجماعية المختصة قد درست موضوعها، وأسفرت الدراسة عما يلي:',
      '',
      '[بيان الإجراءات المتخذة وأسبابها]',
      '',
      'وتبقى مصالح الجماعة رهن إشارتكم لكل معلومة إضافية.',
      '',
      'والسلام.',
    ].join('\n'),
  },
  {
    id: '01970000-7e3b-7000-8000-000000000003',
    categoryId: null,
    language: 'fr',
    title: 'Accusé de réception',
    body: [
      "À l'attention de {{citizen_name}}",
      '',
      'Madame, Monsieur,',
      '',
      "J'ai l'honneur d'accuser réception de votre réclamation parvenue à la Commune de Ksar El Kebir le {{received_on}}, relative à : « {{subject}} », enregistrée sous le numéro {{number}} et transmise aux services communaux compétents pour examen.",
      '',
      "Une réponse vous sera adressée dans un délai n'excédant pas soixante (60) jours à compter de sa réception, conformément au décret n° 2-17-265 du 23 juin 2017.",
      '',
      "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    ].join('\n'),
  },
  {
    id: '01970000-7e3b-7000-8000-000000000004',
    categoryId: null,
    language: 'fr',
    title: 'Réponse générale',
    body: [
      "À l'attention de {{citizen_name}}",
      '',
      'Madame, Monsieur,',
      '',
      "En réponse à votre réclamation enregistrée auprès de la Commune de Ksar El Kebir sous le numéro {{number}} en date du {{received_on}}, relative à : « {{subject}} », j'ai l'honneur de vous informer que les services communaux compétents en ont examiné l'objet, et qu'il en ressort ce qui suit :",
      '',
      '[Exposer les mesures prises et leurs motifs]',
      '',
      "Les services de la Commune restent à votre disposition pour tout complément d'information.",
      '',
      "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    ].join('\n'),
  },
  {
    id: '01970000-7e3b-7000-8000-000000000005',
    categoryId: '01970000-ca7e-7000-8000-000000000001',
    language: 'ar',
    title: 'جواب: إصلاح الإنارة العمومية',
    body: [
      'السيد(ة) {{citizen_name}}،',
      '',
      'سلام تام بوجود مولانا الإمام المؤيد بالله،',
      '',
      'وبعد، فجوابا على شكايتكم المسجلة تحت عدد {{number}} بتاريخ {{received_on}} بشأن: «{{subject}}»، يشرفني أن أخبركم أن المصالح التقنية المكلفة بالإنارة العمومية قد عاينت العطب المشار إليه، وتم إصلاحه بتاريخ [تاريخ الإصلاح].',
      '',
      'ونشكركم على تعاونكم مع مصالح الجماعة، ونهيب بكم إخبارها بكل عطب يطرأ على شبكة الإنارة العمومية.',
      '',
      'والسلام.',
    ].join('\n'),
  },
];

function seedReplyTemplates(db: Db): void {
  const insert = db.prepare(
    'INSERT INTO reply_templates (id, category_id, language, title, body) VALUES (?, ?, ?, ?, ?)',
  );
  for (const template of seededReplyTemplates)
    insert.run(template.id, template.categoryId, template.language, template.title, template.body);
}
