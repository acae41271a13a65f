// Canary prose for the dataset check: ordinary text in the three scripts the matcher reads, which
// names no listed company. A candidate dataset that finds more than a handful of "companies" here
// would light up every page, so it is refused at build time, at publish time and on receipt.
// Excerpts of public-domain works (authors long dead, works published before 1930).

export interface CanaryText {
  source: string;
  text: string;
}

export const CANARY_TEXTS: readonly CanaryText[] = [
  {
    // Ray Cummings, "The Soul of Henry Jones" (The Frank A. Munsey Company, 1920), Project Gutenberg eBook #73079.
    source: 'https://www.gutenberg.org/ebooks/73079',
    text: `At the age of thirty-two Henry Jones awoke one brilliant summer morning with the sudden realization that the soul in him was starving. He lay quiet, staring idly at the white ceiling above the bed, his mind groping dully with this abrupt enlightenment. After a moment of mental confusion--for the enormity of the conception stirred him profoundly--he raised himself upon one elbow in bed and looked at his wife who lay sleeping beside him. He had always thought her pretty in a quiet, unobtrusive sort of way. He did not remember ever having noticed before the wrinkles that were beginning to show around her eyes, but he could see them there now, plainly. And her neck seemed very thin and stringy, and the line of her lean jaw very sharp. That he had never noticed before either. The thin locks of straight black hair that were spread upon her pillow were shot through with gray. The vision of a great soft, fluffy mass of wavy golden tresses flashed into his mind--the crowning glory of no particular woman, but just an abstract picture. Henry Jones shivered a little and fell to staring at the round white face of the tiny alarm-clock on the bureau.`,
  },
  {
    // William J. Locke, "A Christmas Mystery" (1910), Project Gutenberg eBook #10707.
    source: 'https://www.gutenberg.org/ebooks/10707',
    text: `Three men who had gained great fame and honour throughout the world met unexpectedly in front of the bookstall at Paddington Station. Like most of the great ones of the earth they were personally acquainted, and they exchanged surprised greetings. Sir Angus McCurdie, the eminent physicist, scowled at the two others beneath his heavy black eyebrows. "I'm going to a God-forsaken place in Cornwall called Trehenna," said he. "That's odd; so am I," croaked Professor Biggleswade. He was a little, untidy man with round spectacles, a fringe of greyish beard and a weak, rasping voice, and he knew more of Assyriology than any man, living or dead. A flippant pupil once remarked that the Professor's face was furnished with a Babylonic cuneiform in lieu of features. "People called Deverill, at Foulis Castle?" asked Sir Angus. "Yes," replied Professor Biggleswade.`,
  },
  {
    // А. П. Чехов, «Пережитое» (1883).
    source: 'https://uofa.ru/samye-smeshnye-rasskazy-chehova-antona-pavlovicha-chehov-a-p-detskie/',
    text: `Был Новый год. Я вышел в переднюю. Там, кроме швейцара, стояло еще несколько наших: Иван Иваныч, Петр Кузьмич, Егор Сидорыч… Все пришли расписаться на листе, который величаво возлегал на столе. (Бумага, впрочем, была из дешевых, № 8.) Я взглянул на лист. Подписей слишком много и… о лицемерие! О двуличие! Где вы, росчерки, подчерки, закорючки, хвостики? Все буквы кругленькие, ровненькие, гладенькие, точно розовые щечки. Вижу знакомые имена, но не узнаю их. Не переменили ли эти господа свои почерки? Я осторожно умокнул перо в чернильницу, неизвестно чего ради сконфузился, притаил дыхание и осторожно начертил свою фамилию. Обыкновенно я никогда в своей подписи не употреблял конечного «ера», теперь же употребил: начал его и закончил. Хочешь, я тебя погублю? - услышал я около своего уха голос и дыхание Петра Кузьмича. Каким образом? Возьму и погублю. Да. Хочешь? Хе-хе-хе… Здесь нельзя смеяться, Петр Кузьмич. Не забывайте, где вы находитесь.`,
  },
  {
    // 鲁迅《故乡》(《新青年》第7卷第6号, 1921)。
    source: 'https://mit.51dongshi.com/dadadbs/dbdssgbb',
    text: `我冒了严寒,回到相隔二千余里,别了二十余年的故乡去。时候既然是深冬;渐近故乡时,天气又阴晦了,冷风吹进船舱中,呜呜的响,从蓬隙向外一望,苍黄的天底下,远近横着几个萧索的荒村,没有一些活气。我的心禁不住悲凉起来了。阿!这不是我二十年来时时记得的故乡?我所记得的故乡全不如此。我的故乡好得多了。但要我记起他的美丽,说出他的佳处来,却又没有影像,没有言辞了。仿佛也就如此。于是我自己解释说:故乡本也如此,——虽然没有进步,也未必有如我所感的悲凉,这只是我自己心情的改变罢了,因为我这次回乡,本没有什么好心绪。我这次是专为了别他而来的。我们多年聚族而居的老屋,已经公同卖给别姓了,交屋的期限,只在本年,所以必须赶在正月初一以前,永别了熟识的老屋,而且远离了熟识的故乡,搬家到我在谋食的异地去。`,
  },
  {
    // 魯迅《故鄉》, the same passage in Traditional characters.
    source: 'http://mingyanjiaju.org/a/%e9%ad%af%e8%bf%85%e6%96%87%e7%ab%a0%e6%95%85%e9%84%89.html',
    text: `第二日清早晨我到了我家的門口了。瓦楞上許多枯草的斷莖當風抖著,正在說明這老屋難免易主的原因。幾房的本家大約已經搬走了,所以很寂靜。我到了自家的房外,我的母親早已迎著出來了,接著便飛出了八歲的侄兒宏兒。我的母親很高興,但也藏著許多淒涼的神情,教我坐下,歇息,喝茶,且不談搬家的事。宏兒沒有見過我,遠遠的對面站著只是看。但我們終於談到搬家的事。我說外間的寓所已經租定了,又買了幾件家具,此外須將家裡所有的木器賣去,再去增添。`,
  },
];
