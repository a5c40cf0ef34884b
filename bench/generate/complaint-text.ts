import type { Random } from './random';
import { Zipf } from './random';
import { familyNames, firstNames } from './text';

/**
 * What citizens of Ksar El Kebir write to the commune: the themes of the seeded categories, the
 * places they name, the words they use (thousands of distinct forms, Zipf-distributed) and the
 * ways they spell them. Shared by the complaints benchmark and `npm run seed:demo`.
 */

export const complaintThemes = [
  'lighting',
  'roads',
  'waste',
  'sewers',
  'green',
  'markets',
  'urbanism',
  'noise',
  'animals',
  'civil_status',
  'other',
] as const;
export type ComplaintTheme = (typeof complaintThemes)[number];

/** Recognises a category's theme by its name (the seeded list, or one an administrator made). */
const themeKeywords: Record<ComplaintTheme, RegExp> = {
  lighting: /إنارة|انارة|éclairage|eclairage|lumi/i,
  roads: /طرق|الطريق|طرقات|voirie|route|chauss/i,
  waste: /نفايات|أزبال|النظافة|déchet|dechet|ordure|propret/i,
  sewers: /تطهير|صرف|مجاري|assainissement|égout|egout/i,
  green: /خضراء|حدائق|espaces? verts?|jardin/i,
  markets: /أسواق|سوق|march/i,
  urbanism: /تعمير|بناء|urbanisme|constru|permis/i,
  noise: /ضجيج|ضوضاء|bruit|nuisance/i,
  animals: /حيوانات|كلاب|animaux|errants/i,
  civil_status: /حالة المدنية|الحالة المدنية|état civil|etat civil/i,
  other: /أخرى|autre|divers/i,
};

export function themeOfCategory(nameAr: string, nameFr: string): ComplaintTheme {
  for (const theme of complaintThemes) {
    if (themeKeywords[theme].test(nameAr) || themeKeywords[theme].test(nameFr)) return theme;
  }
  return 'other';
}

/**
 * The department each theme goes to, by its position in `communeDepartments` (text.ts): public
 * lighting to the lighting service, sewers and stray animals to hygiene, and so on.
 */
export const departmentIndexOfTheme: Record<ComplaintTheme, number> = {
  urbanism: 0,
  green: 1,
  roads: 2,
  lighting: 3,
  waste: 4,
  sewers: 4,
  noise: 4,
  animals: 4,
  markets: 5,
  civil_status: 6,
  other: 7,
};

/** How often each theme comes up, in percent of the register (lighting and roads lead). */
export const themeWeights: Record<ComplaintTheme, number> = {
  lighting: 17,
  roads: 16,
  waste: 15,
  sewers: 10,
  green: 5,
  markets: 6,
  urbanism: 9,
  noise: 6,
  animals: 5,
  civil_status: 4,
  other: 7,
};

/** Districts of Ksar El Kebir as citizens name them (the most named first). */
export const ksarDistricts: readonly string[] = [
  'حي السلام',
  'حي المنزه',
  'باب الواد',
  'أولاد حمايد',
  'حي الأندلس',
  'حي الشريعة',
  'حي المسيرة',
  'حي الديوان',
  'حي العروبة',
  'حي النصر',
  'حي الأمل',
  'حي المرينة',
  'حي القشريين',
  'حي سيدي الكامل',
  'حي الطبالين',
  'حي المجاهدين',
  'حي الوحدة',
  'حي الأطلس',
  'حي المغرب الجديد',
  'حي النهضة',
  'حي الزهراء',
  'حي الرياض',
  'حي الحمري',
  'حي اللوكوس',
];

/** The same districts as French letters and the commune's site write them. */
const ksarDistrictsLatin: readonly string[] = [
  'Hay Salam',
  'Hay Menzeh',
  'Bab El Oued',
  'Oulad Hmaid',
  'Hay Andalous',
  'Hay Charia',
  'Hay Massira',
  'Hay Diwan',
  'Hay Al Orouba',
  'Hay Nasr',
  'Hay Amal',
  'Hay Merina',
  'Hay Kchiriyine',
  'Hay Sidi Kamel',
  'Hay Tabbaline',
  'Hay Moujahidine',
  'Hay Wahda',
  'Hay Atlas',
  'Hay Maghrib Jadid',
  'Hay Nahda',
  'Hay Zahra',
  'Hay Riad',
  'Hay Hamri',
  'Hay Loukkos',
];

const frenchStreets: readonly string[] = [
  'avenue Mohammed V',
  'boulevard Hassan II',
  'avenue Moulay Ali Boughaleb',
  'avenue des FAR',
  'rue de Fès',
  'rue de Tétouan',
  'rue de Larache',
  'rue Allal Ben Abdellah',
];

const frenchLandmarks: readonly string[] = [
  'la grande mosquée',
  'le marché central',
  'la gare ferroviaire',
  'la gare routière',
  'le stade municipal',
  "l'hôpital civil",
  'le lycée Oued Al Makhazine',
  'la maison des jeunes',
  'le jardin public',
  "le pont de l'oued Loukkos",
];

const frenchDurations: readonly string[] = [
  'une semaine',
  'deux semaines',
  'un mois',
  'deux mois',
  'plus de trois mois',
  'plusieurs jours',
];

export const ksarStreets: readonly string[] = [
  'شارع محمد الخامس',
  'شارع الحسن الثاني',
  'شارع مولاي علي بوغالب',
  'شارع المسيرة الخضراء',
  'شارع الجيش الملكي',
  'شارع عبد الخالق الطريس',
  'شارع الأندلس',
  'شارع المقاومة',
  'شارع الزرقطوني',
  'شارع علال بن عبد الله',
  'شارع وادي المخازن',
  'زنقة فاس',
  'زنقة تطوان',
  'زنقة طنجة',
  'زنقة العرائش',
  'زنقة الرباط',
  'زنقة مكناس',
  'زنقة وجدة',
  'درب الطبالين',
  'درب القشريين',
];

export const ksarLandmarks: readonly string[] = [
  'المسجد الأعظم',
  'السوق المركزي',
  'سوق سبتة',
  'محطة القطار',
  'المحطة الطرقية',
  'الملعب البلدي',
  'المستشفى المدني',
  'مدرسة ابن خلدون',
  'إعدادية المنصور الذهبي',
  'ثانوية وادي المخازن',
  'دار الشباب',
  'الحديقة العمومية',
  'ساحة سيدي بواحمد',
  'قنطرة وادي اللوكوس',
  'مقبرة سيدي الحاج',
  'المركز الصحي',
  'مقر الباشوية',
  'المخبزة',
  'الصيدلية',
  'مسجد الحي',
];

const durations: readonly string[] = [
  'أسبوع',
  'أسبوعين',
  'ثلاثة أسابيع',
  'شهر',
  'شهرين',
  'أكثر من ثلاثة أشهر',
  'عدة أيام',
  'بداية الشهر',
  'فصل الشتاء الماضي',
  'سنة كاملة',
];

/** Subjects and sentences per theme; {street}, {district}, {landmark} and {duration} are filled. */
interface ThemeText {
  subjects: readonly string[];
  sentences: readonly string[];
  urgent: readonly string[];
  frenchSubjects: readonly string[];
  frenchSentences: readonly string[];
}

const themeText: Record<ComplaintTheme, ThemeText> = {
  lighting: {
    subjects: [
      'انقطاع الإنارة العمومية ب{street}',
      'مصابيح الإنارة معطلة في {district}',
      'عمود كهربائي مائل قرب {landmark}',
      'طلب تركيب أعمدة الإنارة ب{street}',
      'الظلام الدامس في {district} ليلا',
      'أسلاك كهربائية مكشوفة قرب {landmark}',
    ],
    sentences: [
      'الإنارة العمومية منقطعة في {street} منذ {duration} مما يشكل خطرا على المارة ليلا.',
      'أغلب المصابيح في {district} معطلة والساكنة تعاني من الظلام وانعدام الأمن.',
      'نلتمس منكم إصلاح عمود الإنارة الموجود قرب {landmark} لأنه مطفأ منذ {duration}.',
      'التلاميذ يمرون كل صباح من {street} في الظلام ونخاف عليهم من الحوادث.',
      'سبق أن اتصلنا بمصلحة الإنارة العمومية ولم يتم أي تدخل إلى حدود الآن.',
    ],
    urgent: [
      'سقط عمود الإنارة على الرصيف قرب {landmark} وأسلاكه مكشوفة ويشكل خطرا على الأطفال.',
      'شرارات كهربائية تخرج من علبة التوزيع ب{street} ونخشى وقوع حريق.',
    ],
    frenchSubjects: [
      "Panne d'éclairage public à {district}",
      'Lampadaire cassé près de {landmark}',
    ],
    frenchSentences: [
      "L'éclairage public est en panne depuis {duration}, les habitants rentrent dans le noir.",
      "Nous demandons l'intervention urgente du service de l'éclairage.",
    ],
  },
  roads: {
    subjects: [
      'حفرة خطيرة وسط {street}',
      'إصلاح الطريق المتدهورة في {district}',
      'طلب تزفيت {street}',
      'الرصيف مكسور قرب {landmark}',
      'غياب علامات التشوير قرب {landmark}',
      'تبليط الأزقة في {district}',
    ],
    sentences: [
      'توجد حفرة كبيرة وسط {street} تسببت في عدة حوادث للسيارات والدراجات.',
      'الطريق في {district} متدهورة بشكل كبير وتمتلئ بالمياه كلما نزل المطر.',
      'الرصيف المحاذي ل{landmark} مكسور ويصعب على المسنين والأطفال المرور منه.',
      'نطالب بتزفيت الأزقة غير المعبدة في {district} التي تتحول إلى أوحال في الشتاء.',
      'غياب علامات التشوير وممرات الراجلين أمام {landmark} يعرض التلاميذ للخطر.',
    ],
    urgent: [
      'انهار جزء من الطريق قرب {landmark} وأصبحت الحفرة عميقة جدا وسط حركة المرور.',
      'غطاء البالوعة مفقود وسط {street} وسقط فيه طفل صباح اليوم.',
    ],
    frenchSubjects: ['Nid-de-poule dangereux, {street}', 'Trottoir dégradé près de {landmark}'],
    frenchSentences: [
      'La chaussée est très dégradée depuis {duration} et provoque des accidents.',
      'Nous demandons la réfection de la voirie de notre quartier.',
    ],
  },
  waste: {
    subjects: [
      'تراكم النفايات في {district}',
      'عدم مرور شاحنة جمع الأزبال ب{street}',
      'طلب حاويات للنفايات قرب {landmark}',
      'مطرح عشوائي للأزبال في {district}',
      'حرق النفايات قرب {landmark}',
    ],
    sentences: [
      'تتراكم النفايات في {district} منذ {duration} وتنبعث منها روائح كريهة.',
      'شاحنة جمع الأزبال لم تمر من {street} منذ {duration} رغم اتصالاتنا المتكررة.',
      'الحاويات الموجودة قرب {landmark} ممتلئة ومكسورة والكلاب تبعثر الأزبال.',
      'بعض السكان يحرقون النفايات ليلا والدخان يدخل إلى المنازل ويضر بالمرضى.',
      'نطلب تنظيف الأرض الفارغة المجاورة التي تحولت إلى مطرح عشوائي.',
    ],
    urgent: [
      'اندلع حريق في النفايات المتراكمة قرب {landmark} والدخان كثيف جدا.',
      'جثة حيوان نافق وسط الأزبال ب{street} والرائحة لا تطاق قرب المدرسة.',
    ],
    frenchSubjects: ['Accumulation de déchets à {district}', 'Benne à ordures cassée, {street}'],
    frenchSentences: [
      "Les déchets s'accumulent depuis {duration}, l'odeur est insupportable.",
      'Le camion de ramassage ne passe plus dans notre rue.',
    ],
  },
  sewers: {
    subjects: [
      'انسداد قنوات الصرف الصحي ب{street}',
      'فيضان مياه الصرف الصحي في {district}',
      'بالوعة مفتوحة قرب {landmark}',
      'تسرب المياه العادمة أمام المنازل في {district}',
      'روائح كريهة من المجاري ب{street}',
    ],
    sentences: [
      'قنوات الصرف الصحي مسدودة في {street} والمياه العادمة تفيض على الطريق.',
      'كلما نزل المطر تغمر المياه المنازل في {district} بسبب انسداد البالوعات.',
      'توجد بالوعة بدون غطاء قرب {landmark} وهي خطر حقيقي على الأطفال.',
      'الروائح الكريهة المنبعثة من المجاري لا تطاق وتسببت في انتشار البعوض.',
      'نرجو إرسال شاحنة شفط المياه العادمة في أقرب الآجال.',
    ],
    urgent: [
      'المياه العادمة تدخل إلى المنازل في {district} منذ الليلة الماضية.',
      'بالوعة مفتوحة وعميقة وسط {street} بدون أي علامة تحذير.',
    ],
    frenchSubjects: ['Égout bouché, {street}', "Débordement d'eaux usées à {district}"],
    frenchSentences: [
      "L'égout est bouché depuis {duration} et les eaux usées débordent.",
      'Une odeur très forte gêne tout le quartier.',
    ],
  },
  green: {
    subjects: [
      'إهمال الحديقة العمومية في {district}',
      'طلب تشجير {street}',
      'أشجار مائلة تهدد المارة قرب {landmark}',
      'تهيئة مساحة خضراء في {district}',
    ],
    sentences: [
      'الحديقة في {district} مهملة والعشب يابس والكراسي مكسورة.',
      'نقترح غرس الأشجار على جانبي {street} وتهيئة مساحة للعب الأطفال.',
      'شجرة كبيرة مائلة قرب {landmark} قد تسقط على المارة عند هبوب الرياح.',
      'نطلب سقي المساحات الخضراء وتقليم الأشجار قبل فصل الصيف.',
    ],
    urgent: ['سقطت شجرة كبيرة على {street} وأغلقت الطريق وأسلاك الكهرباء.'],
    frenchSubjects: ['Jardin public abandonné à {district}'],
    frenchSentences: ["Nous proposons de planter des arbres et d'aménager un espace vert."],
  },
  markets: {
    subjects: [
      'احتلال الملك العمومي من طرف الباعة قرب {landmark}',
      'حالة السوق البلدي في {district}',
      'الباعة المتجولون يعرقلون المرور ب{street}',
      'انعدام النظافة في سوق سبتة',
    ],
    sentences: [
      'الباعة المتجولون يحتلون الرصيف والطريق قرب {landmark} ويعرقلون حركة المرور.',
      'السوق البلدي يعاني من انعدام النظافة وتسرب المياه من السقف.',
      'أصحاب المحلات يضعون سلعهم على الرصيف ب{street} والمارة يمشون وسط الطريق.',
      'نطلب تنظيم السوق الأسبوعي وتخصيص أماكن للباعة.',
    ],
    urgent: ['انهار جزء من سقف السوق قرب {landmark} والتجار ما زالوا في الداخل.'],
    frenchSubjects: ['Occupation du trottoir près de {landmark}'],
    frenchSentences: ['Les marchands ambulants occupent la chaussée et gênent la circulation.'],
  },
  urbanism: {
    subjects: [
      'بناء عشوائي بدون رخصة في {district}',
      'أشغال بناء تضر بالجيران ب{street}',
      'طلب معلومات حول رخصة البناء',
      'بناية آيلة للسقوط قرب {landmark}',
      'احتلال الرصيف بمواد البناء في {district}',
    ],
    sentences: [
      'جارنا يبني طابقا إضافيا بدون رخصة منذ {duration} والأشغال تتم ليلا.',
      'مواد البناء متروكة على الرصيف ب{street} منذ {duration} وتعرقل المرور.',
      'البناية القديمة قرب {landmark} آيلة للسقوط وتشكل خطرا على السكان والمارة.',
      'تقدمت بطلب رخصة البناء منذ {duration} ولم أتوصل بأي جواب من المصلحة.',
      'نطلب من لجنة المراقبة الانتقال إلى عين المكان لمعاينة المخالفة.',
    ],
    urgent: ['تشققات كبيرة ظهرت في جدار البناية المجاورة ل{landmark} ونخشى انهيارها.'],
    frenchSubjects: ['Construction sans permis à {district}', 'Bâtiment menaçant ruine, {street}'],
    frenchSentences: ['Un voisin construit un étage supplémentaire sans autorisation.'],
  },
  noise: {
    subjects: [
      'الضجيج الليلي لمقهى ب{street}',
      'إزعاج السكان بمكبرات الصوت في {district}',
      'ضجيج ورشة قرب {landmark}',
    ],
    sentences: [
      'المقهى الموجود ب{street} يشغل الموسيقى بصوت مرتفع إلى ساعات متأخرة من الليل.',
      'ورشة النجارة قرب {landmark} تعمل من الصباح الباكر والضجيج لا يطاق.',
      'الحفلات في الشارع بمكبرات الصوت تتكرر كل أسبوع والمرضى لا يستطيعون النوم.',
      'نطلب تطبيق القانون واحترام أوقات راحة الساكنة.',
    ],
    urgent: ['شجار وضجيج كل ليلة أمام المقهى ب{street} وتهديد للسكان.'],
    frenchSubjects: ['Nuisances sonores la nuit à {district}'],
    frenchSentences: ['Le café diffuse de la musique très fort après minuit.'],
  },
  animals: {
    subjects: [
      'انتشار الكلاب الضالة في {district}',
      'كلاب ضالة تهاجم المارة قرب {landmark}',
      'تربية الماشية داخل المنازل في {district}',
    ],
    sentences: [
      'الكلاب الضالة منتشرة بكثرة في {district} وتهاجم الأطفال والمارة ليلا.',
      'مجموعة من الكلاب تتجمع قرب {landmark} ويخاف التلاميذ من المرور.',
      'بعض الجيران يربون الأغنام والدجاج داخل المنازل والروائح لا تطاق.',
      'نطلب تدخل المصالح المختصة لجمع الكلاب الضالة وتلقيحها.',
    ],
    urgent: ['كلب ضال عض طفلا صباح اليوم قرب {landmark} وما زال في المكان.'],
    frenchSubjects: ['Chiens errants à {district}'],
    frenchSentences: ['Des chiens errants attaquent les passants le soir.'],
  },
  civil_status: {
    subjects: [
      'تأخر تسليم نسخة من عقد الازدياد',
      'خطأ في رسم الولادة',
      'الاكتظاظ في مكتب الحالة المدنية',
      'طلب تصحيح الاسم في سجل الحالة المدنية',
    ],
    sentences: [
      'طلبت نسخة كاملة من رسم الولادة منذ {duration} ولم أتوصل بها إلى حدود اليوم.',
      'يوجد خطأ في كتابة الاسم العائلي في رسم الولادة وأطلب تصحيحه.',
      'الاكتظاظ كبير أمام شباك الحالة المدنية والمواطنون ينتظرون ساعات طويلة.',
      'نقترح تمكين المواطنين من طلب الوثائق عبر الإنترنت.',
    ],
    urgent: ['أحتاج شهادة الوفاة بشكل مستعجل لإجراءات الدفن اليوم.'],
    frenchSubjects: ["Retard de délivrance d'un acte de naissance"],
    frenchSentences: [
      "J'ai demandé une copie intégrale de mon acte de naissance il y a {duration}.",
    ],
  },
  other: {
    subjects: [
      'اقتراح تخصيص ملعب للقرب في {district}',
      'طلب لقاء مع السيد رئيس الجماعة',
      'ملاحظة حول خدمات الجماعة',
      'اقتراح إحداث موقف للسيارات قرب {landmark}',
      'شكاية بخصوص سلوك أحد الموظفين',
    ],
    sentences: [
      'نقترح على المجلس الجماعي تخصيص ملعب للقرب لشباب {district}.',
      'أرغب في لقاء السيد الرئيس لعرض مشكل يخص {street}.',
      'الموظفون في الشباك لا يجيبون على الهاتف ونضطر للتنقل عدة مرات.',
      'نقترح إحداث موقف منظم للسيارات قرب {landmark} للحد من الفوضى.',
    ],
    urgent: ['أسرة بدون مأوى بعد انهيار منزلها في {district} وتحتاج مساعدة عاجلة.'],
    frenchSubjects: ['Suggestion pour {district}'],
    frenchSentences: ['Nous proposons la création d’un terrain de proximité pour les jeunes.'],
  },
};

const closings: readonly string[] = [
  'نرجو منكم التدخل العاجل.',
  'وتقبلوا فائق التقدير والاحترام.',
  'ننتظر تدخلكم في أقرب الآجال.',
  'وشكرا على تفهمكم.',
  'والسلام عليكم ورحمة الله.',
];

const frenchClosings: readonly string[] = [
  "Veuillez agréer l'expression de nos salutations distinguées.",
  'Merci de votre intervention rapide.',
];

/** Particles that lead every Arabic frequency list. */
const functionWords: readonly string[] = [
  'في',
  'من',
  'على',
  'إلى',
  'عن',
  'مع',
  'أن',
  'هذا',
  'هذه',
  'التي',
  'الذي',
  'كما',
  'حيث',
  'لكن',
  'أو',
  'ثم',
  'قد',
  'لقد',
  'لم',
  'لا',
  'ما',
  'كل',
  'منذ',
  'بعد',
  'قبل',
  'عند',
  'أمام',
  'قرب',
  'بين',
  'حول',
  'دون',
  'جدا',
  'أيضا',
  'حتى',
  'إذا',
  'لأن',
  'بسبب',
  'رغم',
  'خلال',
];

/** Nouns and adjectives without the article; each also appears with ال, و, ب, بال, وال, لل. */
const nominalStems: readonly string[] = (
  'إنارة مصباح مصابيح عمود أعمدة كهرباء سلك أسلاك طريق طرق شارع زنقة رصيف أرصفة حفرة حفر ' +
  'إسفلت تزفيت قنطرة جسر ممر مدار ساحة حديقة حدائق شجرة أشجار عشب نافورة ملعب مدرسة مسجد ' +
  'سوق أسواق دكان محل محلات مقهى مخبزة صيدلية مستشفى مستوصف محطة حافلة سيارة سيارات دراجة ' +
  'شاحنة عربة مرور سير علامة علامات تشوير نفايات أزبال قمامة حاوية حاويات جمع نظافة مطرح ' +
  'رائحة روائح دخان حريق ذباب بعوض حشرات فئران جرذان كلاب كلب قطط حيوانات بغال أبقار أغنام ' +
  'ماشية صرف مجاري قناة قنوات بالوعة بالوعات غطاء فيضان فيضانات أمطار مطر مياه ماء تسرب ' +
  'تسربات انقطاع ضغط عداد فاتورة بناء بناية عمارة منزل منازل دار سكن سكنى رخصة رخص تصميم ' +
  'تجزئة تجزئات ورش ورشة أشغال مقاول شركة مخالفة مخالفات احتلال ملك سور جدار سطح شرفة واجهة ' +
  'ضجيج ضوضاء صوت أصوات موسيقى حفلات حفلة عرس أعراس مكبر حالة عقد ازدياد وفاة زواج نسخة ' +
  'شهادة وثيقة وثائق تصحيح إمضاء مصادقة توقيع شباك موظف موظفين مكتب مصلحة قسم إدارة جماعة ' +
  'بلدية رئيس مجلس دورة ميزانية مشروع مشاريع برنامج شراكة جمعية جمعيات ساكنة سكان مواطن ' +
  'مواطنين مواطنة جيران عائلة أطفال تلاميذ شيوخ نساء مرضى معاقين خطر أخطار حادث حوادث سلامة ' +
  'أمن صحة بيئة تلوث يوم أيام أسبوع أسابيع شهر أشهر سنة سنوات ليلة صباح مساء مدة طلب طلبات ' +
  'شكاية شكايات ملاحظة اقتراح اقتراحات تدخل إصلاح صيانة تنظيف ترميم تهيئة تبليط تشجير معالجة ' +
  'متابعة جواب رد ردود وعد وعود زيارة لجنة معاينة محضر تقرير حي أحياء دوار مدينة قصر باب درب ' +
  'زقاق مركز مخيم مكتبة مسبح عمومي عمومية كبير كبيرة صغير صغيرة مظلم مظلمة مكسور مكسورة معطل ' +
  'معطلة مسدود مسدودة كريهة خطير خطيرة عاجل عاجلة مستمر مستمرة جديد جديدة قديم قديمة متكرر ' +
  'متكررة عشوائي عشوائية ضالة مفتوح مفتوحة مكشوف مكشوفة مهترئ مهترئة متدهور متدهورة ضيق ضيقة ' +
  'واسع واسعة مزعج مزعجة بلدي صحي صحية بيئي محلي محلية سكني سكنية رئيسي رئيسية فرعي فرعية ' +
  'مجاور مجاورة حاجة حاجيات مشكل مشاكل مشكلة معاناة وضعية وضع أضرار خسائر تعويض مسؤولية ' +
  'مسؤولين سلطات قائد باشا عامل عمالة إقليم جهة وزارة قانون قرار مقرر دورية تعليمات مراقبة ' +
  'زجر غرامة إنذار شرطة وقاية حماية مدنية إسعاف نقل حافلات سيارة أجرة محطة قطار ملاعب شباب ' +
  'رياضة ثقافة مهرجان معرض أنشطة جمعوية تعاونية فلاحة أرض أراضي عقار عقارات ضريبة رسوم ' +
  'أداء تحصيل مداخيل نفقات صفقة صفقات مناقصة عرض عروض مقاولة مقاولات شغل عمال عاملة بطالة ' +
  'فقر هشاشة إعاقة مسنين أرامل أيتام تعليم صحة تطبيب دواء أدوية طبيب أطباء ممرض علاج ' +
  'مصحة ولادة لقاح تلقيح حملة حملات تحسيس توعية إعلان إعلانات لوحة لوحات إشهار واجهات ' +
  'أبواب نوافذ سقف أسقف درج سلالم مصعد ممرات مرآب موقف مواقف ساحات فضاء فضاءات مساحة مساحات ' +
  'خضراء حزام غابة وادي نهر ضفة ضفاف سد قنطرة فيض وحل أوحال غبار أتربة حجارة رمال أشواك ' +
  'نباتات أعشاب ماء صالح شرب خزان خزانات أنبوب أنابيب صنبور سقاية نافورات عين عيون بئر آبار'
)
  .split(' ')
  .filter((word) => word.length > 0);

/** Verbs as complaints use them; each also appears with و and ف. */
const verbalStems: readonly string[] = (
  'نطلب نرجو نلتمس نشتكي يشتكي تعاني يعاني نعاني أصبح أصبحت أصبحنا تسبب يتسبب تسببت يشكل ' +
  'تشكل يهدد تهدد انقطعت انقطع سقط سقطت تراكمت تتراكم تنبعث انبعثت امتلأت فاضت تفيض غمرت ظهرت ' +
  'توجد يوجد لاحظنا لاحظت راسلنا اتصلنا تقدمنا قدمنا وعدتم تدخلتم ننتظر ينتظر يعرقل تعرقل يمنع ' +
  'يصعب يستحيل يمر تمر يلعب يلعبون يسكن نسكن يقطن نقطن بنى يبني شيد احتل يحتل أغلق يغلق رفض ' +
  'يرفض طالب يطالب نطالب أرجو ألتمس أشكو نخبركم نحيطكم أحيطكم نأمل آمل نتمنى نشكركم أشكركم ' +
  'تضرر تضررت يتضرر نتضرر تعرض تعرضت يتعرض انهار انهارت تشقق تشققت تهدم يتهدم تكسر تكسرت ' +
  'اشتكى اشتكينا تقدم يتقدم حضر حضرت يحضر أرسل أرسلت يرسل وصل وصلت يصل توصلت توصلنا نتوصل ' +
  'انتظر انتظرنا ينتظرون يخاف نخاف يخافون تدخل يتدخل تتدخل أصلح يصلح تصلح نظف ينظف تنظف'
)
  .split(' ')
  .filter((word) => word.length > 0);

function nominalForms(stem: string): string[] {
  const definite = `ال${stem}`;
  const forms = [stem, definite, `و${definite}`, `ب${definite}`, `و${stem}`, `ب${stem}`];
  // لـ + الـ drops the alif (للطريق); a stem starting with ل is written differently: skip it.
  if (!stem.startsWith('ل')) forms.push(`لل${stem}`);
  forms.push(`ف${definite}`, `ك${definite}`);
  return forms;
}

/**
 * The vocabulary of free text, most frequent first: particles, then every form of the stems in a
 * seeded shuffled order (so frequent and rare words of every kind exist). Thousands of distinct
 * words; `zipf` draws from it with Zipf-like frequencies.
 */
export function complaintVocabulary(random: Random): string[] {
  const forms = new Set<string>();
  for (const stem of nominalStems) for (const form of nominalForms(stem)) forms.add(form);
  for (const stem of verbalStems)
    for (const form of [stem, `و${stem}`, `ف${stem}`]) forms.add(form);
  for (const word of functionWords) forms.delete(word);
  return [...functionWords, ...random.shuffled([...forms])];
}

/** More family names of the north-west, so citizens' names are varied and some rare. */
const moreFamilyNames: readonly string[] = [
  'الحراق',
  'الجباري',
  'البوعناني',
  'الطود',
  'الزياني',
  'الرحموني',
  'العسري',
  'الشنتوف',
  'السملالي',
  'الخراز',
  'البقيوي',
  'العيادي',
  'المودن',
  'الدحماني',
  'الحداد',
  'الخطابي',
  'اليعقوبي',
  'الغرباوي',
  'الشرادي',
  'الطنجاوي',
  'الوهابي',
  'أمزيان',
  'أعراب',
  'بوزيان',
  'بنعمر',
  'بنحدو',
  'الفحصي',
  'الجبلي',
  'الريفي',
  'التمسماني',
  'العرائشي',
  'القصري',
  'الشاوي',
  'المساري',
  'الحسني',
  'الإدريسي',
  'العثماني',
  'الصقلي',
  'النجار',
  'الهواري',
];

const moreFirstNames: readonly string[] = [
  'عبد الكريم',
  'عبد العزيز',
  'عبد الحق',
  'نور الدين',
  'محسن',
  'جمال',
  'ياسين',
  'حمزة',
  'أيوب',
  'إلياس',
  'بلال',
  'سعيد',
  'عائشة',
  'رقية',
  'سكينة',
  'حفصة',
  'نجاة',
  'ربيعة',
  'فتيحة',
  'إيمان',
  'سهام',
  'كوثر',
  'أمينة',
  'حياة',
];

const citizenFirstNames = [...firstNames.map((name) => name.ar), ...moreFirstNames];
const citizenFamilyNames = [...familyNames.map((name) => name.ar), ...moreFamilyNames];

/** A citizen's name as a clerk writes it; some with the father's name (بن). */
export function citizenName(random: Random): string {
  const first = random.pick(citizenFirstNames);
  const family = random.pick(citizenFamilyNames);
  if (random.chance(0.12)) return `${first} بن ${random.pick(citizenFirstNames)} ${family}`;
  return `${first} ${family}`;
}

const cinPrefixes: readonly string[] = ['LA', 'LB', 'L', 'K', 'KB', 'G', 'GK', 'X'];

export function citizenCin(random: Random): string {
  return `${random.pick(cinPrefixes)}${random.int(100_000, 999_999)}`;
}

/** A Moroccan mobile number, stored as the app stores it (digits only, 06/07). */
export function citizenPhone(random: Random): string {
  return `0${random.pick(['6', '6', '7'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

const emailDomains = ['gmail.com', 'hotmail.com', 'yahoo.fr', 'outlook.fr', 'menara.ma'];

export function citizenEmail(random: Random, index: number): string {
  return `citoyen${index}.${random.int(10, 99)}@${random.pick(emailDomains)}`;
}

function fill(random: Random, template: string, district: string, french = false): string {
  const street = random.pick(french ? frenchStreets : ksarStreets);
  const landmark = random.pick(french ? frenchLandmarks : ksarLandmarks);
  const duration = random.pick(french ? frenchDurations : durations);
  const place = french
    ? (ksarDistrictsLatin[ksarDistricts.indexOf(district)] ?? district)
    : district;
  return template
    .replaceAll('{street}', street)
    .replaceAll('{district}', place)
    .replaceAll('{landmark}', landmark)
    .replaceAll('{duration}', duration);
}

export interface ComplaintText {
  subject: string;
  description: string;
  location: string | null;
  /** The language the citizen wrote in. */
  language: 'ar' | 'fr';
}

export interface TextSource {
  random: Random;
  vocabulary: readonly string[];
  zipf: Zipf;
}

export function textSource(random: Random): TextSource {
  const vocabulary = complaintVocabulary(random);
  return { random, vocabulary, zipf: new Zipf(vocabulary.length, 1.0) };
}

/** Filler in the citizen's own words: Zipf-distributed vocabulary. */
function fillerSentence(source: TextSource, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(source.zipf.pick(source.random, source.vocabulary));
  return `${parts.join(' ')}.`;
}

/**
 * A complaint's subject, description and location, as a citizen of this theme would write. With
 * `filler` (the benchmark's default) the description also carries a sentence of Zipf-drawn words,
 * which gives the index a realistic vocabulary but reads as word salad: the demo leaves it out.
 */
export function complaintText(
  source: TextSource,
  theme: ComplaintTheme,
  district: string,
  urgent: boolean,
  filler = true,
): ComplaintText {
  const { random } = source;
  const text = themeText[theme];
  const french = random.chance(0.08);
  const location = random.chance(0.5)
    ? random.chance(0.5)
      ? `قرب ${random.pick(ksarLandmarks)}`
      : `${random.pick(ksarStreets)} رقم ${random.int(1, 240)}`
    : null;
  if (french) {
    return {
      subject: fill(random, random.pick(text.frenchSubjects), district, true),
      description: [
        fill(random, random.pick(text.frenchSentences), district, true),
        fill(random, random.pick(text.frenchSentences), district, true),
        random.pick(frenchClosings),
      ].join(' '),
      location: location === null ? null : `près de ${random.pick(frenchLandmarks)}`,
      language: 'fr',
    };
  }
  const sentences: string[] = [];
  if (urgent) sentences.push(fill(random, random.pick(text.urgent), district));
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++)
    sentences.push(fill(random, random.pick(text.sentences), district));
  if (filler) sentences.push(fillerSentence(source, random.int(6, 30)));
  sentences.push(random.pick(closings));
  return {
    subject: fill(random, random.pick(text.subjects), district),
    description: sentences.join(' '),
    location,
    language: 'ar',
  };
}

const noteOpenings: readonly string[] = [
  'تم الاتصال بالمواطن هاتفيا.',
  'انتقل الفريق التقني إلى عين المكان.',
  'تمت مراسلة الشركة المكلفة.',
  'في انتظار توفر قطع الغيار.',
  'أكد المواطن أن المشكل ما زال قائما.',
  'تمت برمجة التدخل الأسبوع المقبل.',
  'المعاينة أكدت صحة ما جاء في الشكاية.',
  'الملف يحتاج إلى رأي المصلحة التقنية.',
  'تم إخبار السلطة المحلية بالموضوع.',
  'طلبنا من المواطن صورا إضافية للمكان.',
];

/** A staff member's internal note on a case (with Zipf filler unless `filler` is false). */
export function noteText(source: TextSource, filler = true): string {
  const { random } = source;
  const opening = random.pick(noteOpenings);
  return filler ? `${opening} ${fillerSentence(source, random.int(3, 14))}` : opening;
}

/** The reasoned answer to the citizen (decree 2-17-265: answers must be reasoned). */
export function replyText(source: TextSource, language: 'ar' | 'fr', citizen: string): string {
  const { random } = source;
  if (language === 'fr') {
    return (
      `Madame, Monsieur ${citizen}, suite à votre réclamation, nous vous informons que le service ` +
      `concerné est intervenu et que le problème signalé a été traité. ` +
      random.pick(frenchClosings)
    );
  }
  return (
    `السيد(ة) ${citizen}، جوابا على شكايتكم، نخبركم أن المصلحة المختصة قامت بالتدخل اللازم ` +
    `وتمت معالجة المشكل المشار إليه. ${fillerSentence(source, random.int(4, 12))} ` +
    random.pick(closings)
  );
}

export function resolutionText(random: Random): string {
  return random.pick([
    'تمت معالجة المشكل وإخبار المواطن.',
    'تم الإصلاح بعد المعاينة.',
    'أحيل الاقتراح على المجلس الجماعي.',
    'سحب المواطن شكايته.',
    'الموضوع خارج اختصاص الجماعة وتم توجيه المواطن.',
    'Problème résolu, citoyen informé.',
  ]);
}

const harakat = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];
const easternDigits = '٠١٢٣٤٥٦٧٨٩';

/** How citizens and clerks spell: which of these a text gets is drawn per text. */
export interface SpellingHabits {
  dropHamza: boolean;
  taMarbutaAsHa: boolean;
  alefMaqsuraSwap: boolean;
  harakat: boolean;
  tatweel: boolean;
  easternDigits: boolean;
}

export function spellingHabits(random: Random): SpellingHabits {
  return {
    dropHamza: random.chance(0.35),
    taMarbutaAsHa: random.chance(0.15),
    alefMaqsuraSwap: random.chance(0.1),
    harakat: random.chance(0.05),
    tatweel: random.chance(0.05),
    easternDigits: random.chance(0.2),
  };
}

/** Names are typed without harakat or tatweel, whatever the clerk's other habits. */
export function nameHabits(habits: SpellingHabits): SpellingHabits {
  return { ...habits, harakat: false, tatweel: false };
}

/** Rewrites a text with the given habits: أ/ا, ة/ه, ى/ي, harakat, tatweel, Eastern digits. */
export function respell(random: Random, text: string, habits: SpellingHabits): string {
  let result = text;
  if (habits.dropHamza) result = result.replace(/[أإآ]/g, 'ا');
  if (habits.taMarbutaAsHa) result = result.replace(/ة(?=[\s.،,]|$)/g, 'ه');
  if (habits.alefMaqsuraSwap) result = result.replace(/ى(?=[\s.،,]|$)/g, 'ي');
  if (habits.easternDigits)
    result = result.replace(/[0-9]/g, (digit) => easternDigits[Number(digit)] ?? digit);
  if (habits.harakat || habits.tatweel) {
    const words = result.split(' ');
    const touched = Math.min(words.length, random.int(1, 3));
    for (let i = 0; i < touched; i++) {
      const at = random.int(0, words.length - 1);
      const word = words[at] ?? '';
      if (!/^[\u0621-\u064A]{3,}$/.test(word)) continue;
      words[at] = habits.harakat
        ? [...word].map((letter) => letter + random.pick(harakat)).join('')
        : `${word.slice(0, 2)}ـــ${word.slice(2)}`;
    }
    result = words.join(' ');
  }
  return result;
}
