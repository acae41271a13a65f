// Traditional Chinese characters folded to their Simplified forms, as data: Hong Kong and Taiwan pages write
// 騰訊 and 中國移動 where the mainland writes 腾讯 and 中国移动. Like case folding, one character maps to one
// character, so offsets into the page stay exact. The table covers the characters common in company names,
// places and business words; it is not a full converter (a Traditional character missing here simply stays
// as it is, and a name written with it is not found in Simplified data).
// Pairs: Traditional then Simplified.
const PAIRS = `
華华 為为 國国 電电 資资 業业 團团 興兴 飛飞 機机 車车 龍龙 騰腾 訊讯 寧宁 時时 動动 亞亚 鐵铁 設设 銀银 證证
險险 實实 東东 會会 開开 發发 產产 廣广 門门 學学 醫医 藥药 術术 網网 絡络 聯联 區区 陽阳 陰阴 長长 達达 遠远
運运 還还 進进 號号 無无 線线 訂订 貿贸 億亿 萬万 與与 專专 務务 廠厂 鋼钢 礦矿 氣气 雲云 視视 覺觉 觀观 測测
儀仪 鏡镜 燈灯 導导 體体 輪轮 艦舰 軍军 裝装 備备 衛卫 彈弹 積积 圓圆 計计 數数 據据 庫库 錄录 話话 語语 聲声
響响 圖图 書书 報报 紙纸 貨货 幣币 價价 錢钱 財财 稅税 貸贷 銷销 買买 賣卖 購购 費费 貴贵 質质 標标 準准 檢检
驗验 試试 認认 環环 鏈链 條条 際际 陸陆 臺台 灣湾 滬沪 鄭郑 漢汉 蘇苏 閩闽 遼辽 陝陕 贛赣 魯鲁 晉晋 瓊琼 粵粤
羅罗 馬马 蘭兰 島岛 廈厦 莊庄 鎮镇 縣县 紅红 綠绿 藍蓝 黃黄 銅铜 鋁铝 鎳镍 鋰锂 鈷钴 錫锡 鉛铅 鋅锌 煉炼 熱热
節节 約约 總总 經经 濟济 紀纪 級级 維维 綜综 織织 紡纺 絲丝 終终 結结 統统 組组 編编 練练 繼继 續续 纜缆 職职
聖圣 聽听 腦脑 膠胶 臨临 舉举 舊旧 葉叶 蘋苹 蓋盖 處处 蟲虫 製制 複复 見见 規规 親亲 覽览 觸触 記记 許许 診诊
詢询 該该 詳详 誠诚 調调 談谈 請请 諾诺 謀谋 謝谢 識识 譜谱 護护 讀读 變变 讓让 豐丰 貝贝 負负 貢贡 販贩 貫贯
責责 賀贺 賓宾 賞赏 賢贤 賴赖 賽赛 贏赢 趙赵 軌轨 軟软 軸轴 較较 載载 輔辅 輕轻 輸输 轉转 辦办 農农 連连 週周
遊游 過过 違违 遙遥 適适 選选 遷迁 遺遗 邊边 郵邮 鄉乡 釋释 針针 鈦钛 鋪铺 錦锦 鍋锅 鍵键 鎖锁 鐘钟 閃闪 閉闭
間间 閣阁 關关 闊阔 陣阵 陳陈 隊队 階阶 隨随 隱隐 雙双 雜杂 離离 難难 霧雾 靈灵 靜静 韓韩 頁页 頂顶 項项 順顺
預预 領领 頭头 題题 顏颜 願愿 類类 顧顾 顯显 風风 飯饭 養养 館馆 駐驻 騎骑 髮发 魚鱼 鮮鲜 鳥鸟 鳳凤 鴻鸿 鵬鹏
鹽盐 麥麦 齊齐 龜龟 湯汤 滙汇 匯汇 車车 創创 傳传 億亿 優优 價价 倉仓 個个 們们 偉伟 側侧 傑杰 僑侨 儲储 兒儿
內内 兩两 冊册 劃划 劍剑 勞劳 勝胜 勢势 勵励 區区 協协 廳厅 參参 雙双 變变 嘆叹 啟启 問问 單单 嚴严 園园 圍围
場场 塊块 壓压 壞坏 壽寿 夢梦 奪夺 奮奋 婦妇 寬宽 審审 寫写 將将 對对 導导 層层 屬属 嶺岭 幫帮 廟庙 廢废 張张
彎弯 徑径 從从 復复 德德 惡恶 應应 懷怀 戰战 戶户 擁拥 據据 擴扩 擊击 擔担 擇择 搖摇 攝摄 敗败 敵敌 斷断 於于
昇升 晝昼 曉晓 暢畅 歷历 曆历 構构 樂乐 樓楼 標标 樣样 樹树 橋桥 檔档 歐欧 歸归 殘残 殼壳 氫氢 決决 沒没 溝沟
滅灭 漁渔 潔洁 澤泽 濱滨 灣湾 燒烧 爐炉 爭争 牆墙 獨独 獲获 現现 環环 瑪玛 產产 畫画 異异 療疗 盡尽 盤盘 眾众
碼码 確确 礎础 禮礼 種种 稱称 穩稳 窮穷 競竞 筆笔 築筑 簡简 糧粮 緊紧 綫线 緣缘 縮缩 績绩 續续 罰罚 義义 習习
聞闻 肅肃 脅胁 腳脚 艙舱 藝艺 蘆芦 號号 蝦虾 補补 襲袭 覆覆 訪访 設设 評评 詞词 譯译 貧贫 資资 賬账 賠赔 躍跃
車车 軍军 辭辞 迴回 遞递 鄰邻 醬酱 鏟铲 鑄铸 鑒鉴 鑽钻 閱阅 闖闯 陝陕 隸隶 雞鸡 電电 靂雳 韻韵 頓顿 頻频 額额
颱台 餘余 驅驱 驚惊 鬧闹 麗丽 黨党 點点 齒齿 衝冲 徵征 於于 並并 佈布 係系 屆届 峽峡 廣广 樞枢 萊莱 湧涌 濤涛
凱凯 嘉嘉 昌昌 瀋沈 餅饼 鍍镀 訴诉 蘊蕴 歲岁 遜逊 匯汇 彙汇 滙汇 後后 裡里 麵面 幹干 乾干 範范 鬥斗 準准 臟脏
來来 漲涨 飆飙 權权 營营 須须 論论 趨趋 邁迈 鋒锋 錯错
曠旷 縱纵 緯纬 脈脉 細细 繪绘 爾尔 貓猫 橫横 諮咨
`;

export const TRADITIONAL_TO_SIMPLIFIED = new Map<number, number>();
for (const pair of PAIRS.split(/\s+/)) {
  if (pair.length !== 2 || pair[0] === pair[1]) continue;
  TRADITIONAL_TO_SIMPLIFIED.set(pair.charCodeAt(0), pair.charCodeAt(1));
}
