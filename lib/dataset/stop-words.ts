// The most frequent words of English, Russian and Chinese prose and news, as data. A company alias
// that is one of these, or is made only of them ("according to", "the company"), would light up
// ordinary text on every page, so the dataset check refuses it whoever signed the list.
// Compiled for this check from word-frequency rankings of general and news text; lower-case.

export const STOP_WORDS_EN = new Set(
  `a about above according across after again against ago all almost along already also although always am among an and
  another any anyone anything are area around as ask asked at away back be became because become been before
  began behind being below best better between big billion both but by call called came can cannot case cent
  change children city close come comes company companies could country course day days did different do does
  done down during each early end enough even ever every fact far few find first five following for found four
  from full gave get gets give given go going good got great group had half hand has have having he head help
  her here high him himself his home house how however i if important in including into is it its itself just
  keep kind knew know known large last later least left less let life like likely little long look made make
  makes making man many market markets may me mean men might million money month months more most mr mrs ms
  much must my name near need never new next night no not nothing now number of off often old on once one
  only open or order other others our out over own part people per percent place point possible power
  price prices public put rather really report reported reports right room run said same saw say says second
  see seemed seen set several shall share shares she should show side since small so some something sometimes
  soon state statement still stock stocks such sure system take taken than that the their them themselves then
  there these they thing things think this those though thought three through time times to today together
  told too took toward trade trading two under until up upon us use used very want was water way we week weeks
  well went were what when where whether which while who whole whom whose why will with within without word
  work world would year years yes yet you young your`.split(/\s+/),
);

export const STOP_WORDS_RU = new Set(
  `а без более больше будет будто бы был была были было быть в вам вас ведь весь во вот впрочем все всегда всего
  всех всю вы где год года году да даже два для до другой его ее ей ему если есть еще же за зачем здесь и из
  или им иногда их к как какая какой когда конечно кто куда ли лучше между меня мне много может можно мой моя
  мы на над надо наконец нас не него нее ней нельзя нет ни нибудь никогда ним них ничего но ну о об один он она
  они оно опять от перед по под после потом потому почти при про раз разве с сам свою себе себя сейчас со
  совсем так также такой там тебя тем теперь то тогда того тоже только том тот три тут ты у уж уже хорошо хоть
  чего чей чем через что чтоб чтобы чуть эти этого этой этом этот эту я компания компании акции акций рынок
  рынке рублей процентов процента сообщил сообщила заявил заявила россии россия сша`.split(/\s+/),
);

export const STOP_WORDS_ZH = new Set(
  `我们 你们 他们 她们 自己 这个 那个 这些 那些 这样 那样 什么 怎么 为什么 没有 可以 因为 所以 但是 如果 虽然 已经
  现在 时候 知道 一个 一些 还是 就是 不是 只是 而且 或者 以及 其中 同时 通过 进行 表示 认为 目前 今年 去年 明年
  今天 昨天 公司 企业 集团 银行 市场 股票 股份 股价 投资 投资者 经济 发展 政府 国家 问题 工作 记者 报道 消息
  中国 美国 全球 国际 有限 有限公司 股份有限公司 科技 技术 产品 服务 业务 百分之 亿元 万元 美元 人民币
  這個 那個 這些 那些 這樣 沒有 時候 現在 還是 進行 認為 目前 今年 公司 企業 集團 銀行 市場 股票 股份 投資
  經濟 發展 政府 國家 問題 記者 報道 消息 國際 有限 有限公司 科技 技術 產品 服務 業務 億元 萬元 美元`.split(/\s+/),
);
