// Legal-form words as data: the endings and prefixes that say what kind of company a name is, not which one.
// "China Mobile Ltd" and "CHINA MOBILE LIMITED" are one company; both reduce to the core "china mobile".
// Each entry lists spellings (already in folded form: lower case, no punctuation, tokens split by one space)
// that mean the same legal form, and the canonical spelling `normalize` writes for all of them.

export interface LegalForm {
  canonical: string;
  spellings: string[];
}

export const LEGAL_FORMS: LegalForm[] = [
  // English and international
  { canonical: 'co ltd', spellings: ['co ltd', 'company limited', 'company ltd', 'co limited', 'coltd'] },
  { canonical: 'ltd', spellings: ['ltd', 'limited', 'ltda'] },
  { canonical: 'co', spellings: ['co', 'company', 'cos'] },
  { canonical: 'corp', spellings: ['corp', 'corporation'] },
  { canonical: 'inc', spellings: ['inc', 'incorporated'] },
  { canonical: 'llc', spellings: ['llc', 'l l c'] },
  { canonical: 'plc', spellings: ['plc', 'public limited company'] },
  { canonical: 'group', spellings: ['group', 'grp'] },
  { canonical: 'holdings', spellings: ['holdings', 'holding'] },
  { canonical: 'ag', spellings: ['ag'] },
  { canonical: 'gmbh', spellings: ['gmbh'] },
  { canonical: 'sa', spellings: ['sa'] },
  { canonical: 'nv', spellings: ['nv'] },
  { canonical: 'bv', spellings: ['bv'] },
  // Russian forms, transliterated and translated
  {
    canonical: 'pjsc',
    spellings: [
      'pjsc',
      'pao',
      'public joint stock company',
      'public jointstock company',
      'publichnoe aktsionernoe obshchestvo',
      'publichnoe aktsionernoe obschestvo',
    ],
  },
  {
    canonical: 'ojsc',
    spellings: ['ojsc', 'oao', 'open joint stock company', 'otkrytoe aktsionernoe obshchestvo'],
  },
  { canonical: 'cjsc', spellings: ['cjsc', 'zao', 'closed joint stock company'] },
  { canonical: 'jsc', spellings: ['jsc', 'ao', 'joint stock company', 'jointstock company'] },
  { canonical: 'ooo', spellings: ['ooo', 'limited liability company'] },
  // Russian forms in Cyrillic
  { canonical: 'pjsc', spellings: ['пао', 'публичное акционерное общество'] },
  { canonical: 'ojsc', spellings: ['оао', 'открытое акционерное общество'] },
  { canonical: 'cjsc', spellings: ['зао', 'закрытое акционерное общество'] },
  { canonical: 'jsc', spellings: ['ао', 'акционерное общество'] },
  { canonical: 'ooo', spellings: ['ооо', 'общество с ограниченной ответственностью'] },
  // Chinese forms (simplified and traditional). CJK has no spaces, so these are stripped as suffixes.
  { canonical: '股份有限公司', spellings: ['股份有限公司'] },
  { canonical: '有限责任公司', spellings: ['有限责任公司', '有限責任公司'] },
  { canonical: '有限公司', spellings: ['有限公司'] },
  { canonical: '集团', spellings: ['集团', '集團'] },
  { canonical: '公司', spellings: ['公司'] },
];

/** Words that sit between a name and its legal form ("Huawei Investment & Holding") and mean nothing alone. */
export const CONNECTORS = ['and', '&', 'of', 'the'];
