// Place names as data: countries, Chinese provinces and large cities, Russian regions. Official lists
// sometimes carry a place as an alias ("Inner Mongolia" for a company based there, "(UKRAINE)" after a
// bank's name); a reader seeing the place named never means the company, so no place is ever a pattern.
// Compared in folded form (see normalize.ts `matchKey`).

const COUNTRIES = `afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus
  belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chile china colombia croatia cuba cyprus
  czechia denmark ecuador egypt eritrea estonia ethiopia finland france georgia germany ghana greece guatemala
  hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait
  kyrgyzstan laos latvia lebanon libya lithuania luxembourg malaysia mali malta mexico moldova mongolia montenegro
  morocco myanmar nepal netherlands nicaragua nigeria norway oman pakistan panama peru philippines poland
  portugal qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
  syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan
  venezuela vietnam yemen zambia zimbabwe`;

/** Countries alone (no cities or regions): a company "(India) Limited" is of another country, not an offshoot's city. */
export const COUNTRY_NAMES = new Set(COUNTRIES.split(/\s+/).filter(Boolean));

export const PLACE_NAMES = new Set(
  `${COUNTRIES}
  macau macao tibet xinjiang
  anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan hubei hunan
  jiangsu jiangxi jilin liaoning ningxia qinghai shaanxi shandong shanghai shanxi sichuan tianjin yunnan
  zhejiang shenzhen guangzhou wuhan chengdu hangzhou nanjing xian xiamen suzhou qingdao dalian harbin shenyang
  changsha zhengzhou hefei kunming urumqi baotou
  moscow petersburg novosibirsk yekaterinburg kazan crimea chechnya tatarstan bashkortostan siberia kiev kyiv
  minsk tehran pyongyang caracas havana damascus
  america
  中国 中國 香港 澳门 澳門 台湾 台灣 北京 上海 天津 重庆 重慶 深圳 广州 廣州 内蒙古 內蒙古 新疆 西藏
  россия москва украина белоруссия беларусь крым китай`
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .filter(Boolean),
);

/** Places of several words ("inner mongolia", "hong kong"), kept whole. */
export const PLACE_PHRASES = new Set(['inner mongolia', 'hong kong', 'united states', 'united kingdom', 'south korea',
  'north korea', 'saint petersburg', 'st petersburg', 'european union', 'united arab emirates', 'czech republic',
  'new zealand', 'south africa', 'saudi arabia', 'sri lanka']);

/** Is this match key only a place? */
export function isPlace(key: string): boolean {
  return PLACE_PHRASES.has(key) || (!key.includes(' ') && PLACE_NAMES.has(key));
}

/** Chinese places that offshoots carry in brackets, with the words their Latin names use ("香港" → hong kong). */
export const CJK_PLACE_WORDS: Record<string, string> = {
  香港: 'hong kong', 澳门: 'macau', 澳門: 'macau', 北京: 'beijing', 上海: 'shanghai', 天津: 'tianjin', 深圳: 'shenzhen',
  广州: 'guangzhou', 廣州: 'guangzhou', 重庆: 'chongqing', 重慶: 'chongqing', 台湾: 'taiwan', 台灣: 'taiwan',
  // Provinces and large cities that regional companies put before their name ("湖北…有限公司").
  河北: 'hebei', 山西: 'shanxi', 辽宁: 'liaoning', 遼寧: 'liaoning', 吉林: 'jilin', 黑龙江: 'heilongjiang', 黑龍江: 'heilongjiang',
  江苏: 'jiangsu', 江蘇: 'jiangsu', 浙江: 'zhejiang', 安徽: 'anhui', 福建: 'fujian', 江西: 'jiangxi', 山东: 'shandong', 山東: 'shandong',
  河南: 'henan', 湖北: 'hubei', 湖南: 'hunan', 广东: 'guangdong', 廣東: 'guangdong', 海南: 'hainan', 四川: 'sichuan', 贵州: 'guizhou',
  貴州: 'guizhou', 云南: 'yunnan', 雲南: 'yunnan', 陕西: 'shaanxi', 陝西: 'shaanxi', 甘肃: 'gansu', 甘肅: 'gansu', 青海: 'qinghai',
  广西: 'guangxi', 廣西: 'guangxi', 宁夏: 'ningxia', 寧夏: 'ningxia', 新疆: 'xinjiang', 杭州: 'hangzhou', 南京: 'nanjing',
  武汉: 'wuhan', 武漢: 'wuhan', 成都: 'chengdu', 西安: "xi'an", 苏州: 'suzhou', 蘇州: 'suzhou',
};
