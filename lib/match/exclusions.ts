// Other companies whose names begin with a listed company's name. They are patterns too, so the longest
// match wins and a reader of "Tencent Music Entertainment" (not listed) sees no warning for Tencent.
// Add a name here when a distinct, unlisted company is found to be flagged by the corpus or by users.
export const EXCLUDED_NAMES = [
  'Tencent Music Entertainment',
  'Tencent Music',
  'Panda Express',
  'China Mobile Games',
  'Lukoil Lubricants Mexico',
  'Gazprom Marketing & Trading',
  'Dahua Securities',
  '腾讯音乐',
  // Ordinary words a listed name runs into in Chinese, where no space marks where the name ends.
  '中国移动互联网',
  '中国电信业',
  // The folk tale the company is named after ("Ali Baba and the Forty Thieves"), in both scripts.
  '阿里巴巴与四十大盗',
  '阿里巴巴和四十大盗',
  '阿里巴巴與四十大盜',
  '阿里巴巴和四十大盜',
];
