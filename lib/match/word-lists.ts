// Word lists as data. They decide when a short or ordinary-looking name may be trusted on its own.

/**
 * Ordinary English words that appear in company names. A name made only of these ("China Mobile",
 * "Panda Electronics") is a company only when written like one (each word capitalised), so
 * "China's mobile market" or "the panda electronics aisle" stay unmarked. A one-word alias from this
 * list is never trusted alone.
 */
export const COMMON_WORDS = new Set(
  `a about above across advanced aerospace after against air aircraft all also america american an and
  any apple are around as asia asian at auto automotive aviation bank banking basic battery be best big
  black blue board bridge broadcasting business by capital car card central century chemical chemicals
  china chinese city clean cloud co coal commercial communication communications company computer
  construction consumer corp corporation credit data day defence defense design development digital
  dragon east eastern economic education electric electrical electronic electronics energy engineering
  equipment europe european express fabrication federal federation field finance financial first food
  for foreign fund future gas general global gold golden great green group growth health heavy high
  holding holdings home hong house in india industrial industries industry info information
  institute insurance integrated intelligence intelligent international investment investments iron
  is it joint kong land life light limited line link logistics machinery management manufacturing
  marine market materials media medical memory metal metals micro microelectronics mining mobile motor
  motors national network networks new north northern of offshore oil on one online optical orient
  oriental pacific panda partners people peoples petroleum pharmaceutical pharmaceuticals pioneer
  power precision products progress public railway red republic research resources road russia russian
  satellite science sciences sea security semiconductor service services shipping silk silver smart
  software solar solutions south southern space star state steel stock storage sun system systems
  technical technologies technology telecom telecommunication telecommunications the time times to
  trade trading trust union united universal vision water west western wireless with world`.split(/\s+/),
);

/**
 * Everyday words and names, mostly Russian transliterated, that official lists carry as a company's whole
 * name once the legal form is dropped ("JSC SIRIUS", "Druzhba, AO"): a star, a sports hall, a pipeline, a
 * lighthouse. Alone they are a company only with a legal form or a company word nearby.
 */
export const EVERYDAY_NAMES = new Set(
  `sirius druzhba mayak orion rassvet chayka zvezda vostok zarya rodina almaz granit kristall neva volga ural
  sever signal kometa raduga salyut soyuz energiya energia vympel start polet molniya strela iskra buran rubin
  sokol berkut tayfun avangard elektron impuls meteor saturn vega aurora sistema`.split(/\s+/),
);

/**
 * Given names that, capitalised right before a one-word company name that is also a surname, make the pair a
 * person: "Eugene Kaspersky said" is the founder, not the company.
 */
export const GIVEN_NAMES = new Set(
  `eugene evgeny yevgeny natalya natalia alexei alexey aleksei alexander aleksandr andrei andrey anton arkady
  boris dmitry dmitri igor ivan kirill leonid maxim mikhail nikolai oleg pavel roman sergei sergey vadim
  viktor vladimir vladislav yuri yury john james robert michael william david richard joseph thomas charles
  mary patricia jennifer linda elizabeth susan jessica sarah karen daniel matthew mark paul steven andrew
  peter george anna maria elena olga tatiana irina svetlana ekaterina`.split(/\s+/),
);

/**
 * Tickers that are English words or everyday abbreviations. These never count as a ticker without an
 * explicit marker (cashtag, exchange prefix or suffix, or a parenthesis right after the company's name),
 * not even with the company named nearby: "CNOOC's CEO" is a person, not the ADR.
 */
export const WORD_TICKERS = new Set(
  `a ai all am an and any app are art at be big box buy can car cat ceo cfo cha chu co coo cost cto day
  dd dog eat esg etf eu ever fast fit for fun gdp go good has he hi hot i ipo is it job key kid ko late
  love low man me new next now ok on one open or out own pay pc ppl pr q ram real run say see sell sky
  so spy tech the to top tv two uk un up us usa usd vs way well win x you`.split(/\s+/),
);

/**
 * Symbols of market indices and other instruments that are not companies ("^DJI", "the DJI closed up"): a
 * company whose acronym is one of these is never trusted on the acronym alone.
 */
export const MARKET_SYMBOLS = new Set(
  `dji djia dja spx gspc ndx ixic rut vix hsi hsce hstech csi sse szse rts imoex moex nky n225 ftse dax cac stoxx
  sti kospi twii asx`.split(/\s+/),
);

/**
 * Everyday Russian words a company name may open with ("Банк Москвы", "Московская биржа" does not):
 * such a name counts only written capitalised (see `leadsWithCommonWord` in patterns.ts).
 */
export const RU_LEADING_COMMON_WORDS = new Set(
  `банк банка банку банком банке компания компании группа группы завод завода холдинг холдинга корпорация
  корпорации биржа биржи фонд фонда агентство агентства концерн концерна объединение объединения управление`.split(/\s+/),
);

/**
 * Words that, within a few words of a short acronym, tell a reader it names a company: "drone maker DJI",
 * "BYD shares", "Chinese chipmaker SMIC". Compared in folded form.
 */
export const COMPANY_CUES = new Set(
  `adr adrs ao automaker bank banks battery blacklist blacklisted board brand carmaker ceo chairman
  chinese chipmaker co company companies conglomerate contract contractor corp defense designated
  designation division drone drones earnings entity equity firm firms giant group holdings inc insurer
  investors ipo jsc cjsc zao ooo lender listed listing ltd maker manufacturer manufacturers oao ojsc operator pao parent
  pentagon pjsc plc profit revenue russian sanctioned sanctions shareholders shares stake state-owned stock
  stocks subsidiary supplier suppliers telecom unit units vendor vendors 1260h phone phones smartphone smartphones equipment chips cameras
  акции акций банк банка компания компании санкции санкций пао`.split(/\s+/),
);

/**
 * The cues that still tell in a line of capitals: what a company makes or is. Business words ("CEO", "SAYS",
 * "SHARES", "PROFIT") fill every wire headline and say nothing about whether "BOE" is a company or a bank.
 */
export const CUES_IN_CAPITALS = new Set(
  `automaker carmaker chipmaker drone drones maker manufacturer phone phones smartphone smartphones chips cameras
  battery lender insurer telecom supplier vendor conglomerate`.split(/\s+/),
);

/**
 * The same for CJK text, where a two-character short name can also be an everyday word (小米 is millet):
 * one of these within a few characters says a company is meant.
 */
export const CJK_COMPANY_CUES = [
  '公司', '集团', '集團', '股份', '股价', '股價', '股票', '港股', '美股', 'A股', '上市', '控股', '代码', '制裁', '清单',
  '名单', '企业', '发布', '宣布', '表示', '手机', '芯片', '无人机', '电池', '通讯', '科技', '旗下', '财报', '营收', '投资',
  '汽车', '中企',
  // What a company says or files ("騰訊在一份聲明中", "中芯国际公告称", "发言人回应"), and where its share stands
  // in a market report ("創月低", "创新高").
  '声明', '公告', '回应', '发言人', '新低', '新高', '月低',
];

/**
 * Company-form words that, written straight after a short Chinese name, make it a company's name: 大疆创新,
 * 华为公司, 小米集团. Only right after the name: 创新 alone nearby is just "innovation".
 */
export const CJK_NAME_SUFFIXES = ['创新', '科技', '集团', '公司', '控股', '股份'];

/**
 * Words that, right after a name made only of ordinary words ("China Mobile", "China Telecom"), form a common
 * compound with its last word: "CHINA MOBILE PHONE SHIPMENTS" is about China's mobile phones, "中国移动支付"
 * about mobile payments in China. Where case cannot tell the company from the phrase (capitals, headline case,
 * Chinese), such a name followed by one of these is not the company. Compared in folded form.
 */
export const GENERIC_COMPOUND_NEXT = new Set(
  `phone phones handset handsets smartphone smartphones payment payments equipment gaming games internet
  market markets operator operators carrier carriers industry sector`.split(/\s+/),
);
/** The same for CJK text, where no space marks where a name ends. */
export const CJK_GENERIC_COMPOUND_NEXT = ['支付', '互联网', '游戏', '市场', '电话', '设备', '产业', '行业', '终端', '网民', '網民'];

/**
 * Words that, written straight after a short Chinese name, make it the name of another company that merely
 * starts the same way: 比亚迪电子 (BYD Electronic), 比亚迪半导体, 大华银行 — as NAME_CONTINUATIONS for Latin names.
 * One that the company's own names carry right after that name (熊猫电子) is still the company.
 */
// Not 证券: "小米證券" is as often Xiaomi's securities (its shares) as a broker's name.
export const CJK_NAME_CONTINUATIONS = ['电子', '電子', '半导体', '半導體', '微电子', '微電子', '光电', '光電', '银行', '銀行'];

/**
 * Nouns that, right after a company's name, make the pair the name of a place or a craft named after it (or
 * after the same word): "ZTE Plaza", "Gazprom Stadium", "the Polyus spacecraft". Compared in folded form. Not
 * arenas: a walk "through the Gazprom Arena" is read as naming the sponsor, unless the text calls the arena a
 * stadium ("Gazprom Arena Stadium"; see also the quoted «Газпром Арена» rule).
 */
export const NAMED_AFTER_NOUNS = new Set(['plaza', 'tower', 'building', 'campus', 'spacecraft', 'stadium']);

/**
 * Nouns of events and leagues that take a sponsor's name: "Rostelecom Cup", "VTB United League". Written
 * capitalised within two words after the name, they make the whole the event's name, not the company.
 * Compared in folded form.
 */
export const EVENT_NOUNS = new Set(['cup', 'league', 'trophy', 'championship', 'championships', 'tournament', 'marathon', 'regatta']);

/**
 * The same in Russian, where the event noun comes first and the sponsor follows in the genitive: «Кубок
 * Ростелекома», «Единой лиги ВТБ». Every case form of лига, кубок, турнир.
 */
export const EVENT_NOUN_BEFORE = /(?:^|[^\p{L}])(?:лиг[аиеу]|лигой|кубок|кубк[аеуо]|кубком|турнир|турнир[аеуы]|турниром)[ \u00a0]+[«"„“]?$/iu;

/**
 * Words of a sports report (hockey, football, basketball): in the sentence around a name written as a team's
 * («Северсталь» in quotes, or after ХК, команда, клуб), they make it the club, not the company it is named after.
 */
export const SPORTS_TALK = /хокке|футбол|баскетбол|волейбол|кхл|плей-офф|матч|шайб|овертайм|обыгра|буллит|вратар|нападающ|забил|кубк[аеуо]? гагарина|кубок гагарина/iu;

/**
 * Words right before a name that make it the club's owner or sponsor, so the company after all: «подопечным
 * «Газпрома»» (Gazprom's wards, its club's players), «спонсор «Зенита»».
 */
export const OWNER_BEFORE = /(?:подопечн|владел|спонсор|акционер|собственник|хозяин|инвестор)\p{L}*[ \u00a0]+[«"„“]?$/iu;

/** Words right before a name that make it a team's: ХК «Сочи», ФК, the team (командой), the club (клуб). */
export const CLUB_BEFORE = /(?:^|[^\p{L}])(?:хк|фк|пбк|бк|команд\p{L}*|клуб\p{L}*)[ \u00a0]+[«"„“]?$/iu;

/**
 * Words that continue a company's name ("CCA Industries", "Novatek Microelectronics"). After a short name,
 * one the company's own names do not contain says the text names another company that merely starts the
 * same way. `NAME_CONTINUATIONS` applies to every one-word name; `CORPORATE_NOUNS` only to acronyms, which
 * many unrelated companies share ("CTG", "CCA").
 */
export const NAME_CONTINUATIONS = new Set(
  `microelectronics electronics electronic optoelectronics semiconductor semiconductors instruments pharmaceuticals
  pharmaceutical biotech biosciences therapeutics labs laboratories bancorp health ports pictures plastics`.split(/\s+/),
);
export const CORPORATE_NOUNS = new Set(
  `industries industry group corp corporation inc incorporated holdings holding company co ltd limited llc plc
  technologies technology systems partners capital airlines airways motors`.split(/\s+/),
);

/** Labels that, before a colon, mark a stock code in Chinese filings ("股份代號：0020", "证券代码：600941"). */
export const CJK_CODE_LABELS = ['代码', '代碼', '代号', '代號'];

/**
 * Market words Chinese reports write before a colon and a symbol, by venue: "中移動(美股:CHL)", "(港股:0941)".
 */
/** The one-character forms in brackets: "A股(深:002594)", "(滬:600519)", "(港:0700)". */
export const CJK_SINGLE_VENUE_LABELS: Record<string, string> = { 深: 'SZSE', 沪: 'SSE', 滬: 'SSE', 港: 'HK' };

export const CJK_VENUE_LABELS: Record<string, string> = {
  美股: 'US', 港股: 'HK', 沪市: 'SSE', 滬市: 'SSE', 深市: 'SZSE', 纽交所: 'NYSE', 紐交所: 'NYSE', 纳斯达克: 'NASDAQ', 納斯達克: 'NASDAQ',
};

/**
 * Words that, right before a symbol, say the text is naming a ticker: "ticker symbol CEO", "trading in CHA, CHL
 * and CHU", "shares of BABA". A symbol that is also an English word counts after one of these (the words are
 * compared folded, as phrases of one or two words ending just before the symbol or the list it opens).
 */
export const TICKER_CUE_PHRASES = [
  'ticker symbol', 'ticker symbols', 'ticker', 'tickers', 'symbol', 'symbols', 'trading in', 'trade in', 'trades in',
  'shares in', 'shares of', 'stock symbol', 'stock name', 'stock code', 'share code', 'под тикером', 'тикер', 'тикеры', '代码', '代碼',
];

/**
 * Market talk that, in the same sentence as a bare symbol of four capitals or more, says it is a ticker: "BABA has
 * been the most talked-about stock", "BIDU has racked up a 10-day put/call volume ratio", "BABA's $420 billion
 * market cap". Such symbols are no English word (those never get here), so the sentence is about the share.
 */
// "Stock exchange" and "stock market" name a venue or the market, not the share: "The Shanghai Stock Exchange said ROSN
// was up" gives no reason to read ROSN as a ticker.
export const MARKET_TALK =
  /(?:^|[^\p{L}])(?:stocks?(?![ \u00a0]+(?:exchanges?|markets?)(?![\p{L}]))|shares|puts|calls|options|put\/call|market cap|short interest|strike)(?![\p{L}])/u;

/**
 * Words that, right after a symbol of capitals that is no English word, say it is a ticker: "if BABA gets
 * delisted", "BABA stock", "BIDU shares". Not for symbols that are words: "CEO shares his view".
 */
export const TICKER_CUE_AFTER = [
  'stock', 'stocks', 'shares', 'adr', 'adrs', 'ads', 'gets delisted', 'got delisted', 'was delisted', 'is delisted',
  'will be delisted', 'delisting', 'акции', 'акций',
];

/**
 * Words that make capitals near them an index, not a company: "the DJI closed", "Dow Jones (DJI)". Compared in
 * lower case within the line around the symbol.
 */
export const INDEX_CUES = ['dow', 'jones', 'index', 'indices', 'djia', 'points', 's&p', 'nasdaq', 'ftse', 'nikkei', 'hang seng', 'индекс'];

/**
 * A price move right after a short Chinese name ("騰訊一度跌近2%", "蔚來升逾11%", "小米低開11%"): the name is a
 * stock in a market report. Verbs of moving prices, then a number with % or 元 within a few characters; or a
 * move to the daily limit ("海康跌停", "中航成飛漲停"), which only a traded share makes.
 */
export const CJK_PRICE_MOVE = /^[^\n。,，;；]{0,4}?(?:(?:升|跌|涨|漲|挫|飆|飙|低開|低开|高開|高开|收報|收报|報|报)[^\n。,，]{0,3}?\d+(?:\.\d+)?[%％元]|跌停|涨停|漲停)/u;
