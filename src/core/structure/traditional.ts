/**
 * Traditional characters to simplified, for reading a report's metadata only: a report set in
 * traditional characters (重慶市人民政府, 第十四屆人民代表大會第三次會議, 政府工作報告) has the issuer,
 * session line and type of its simplified copy, and falls into the same series. Its text stays as
 * written. The table holds the characters of issuers (places, levels, bodies), session lines and
 * report types, the common words of a lead sentence and of chapter titles, and the units and words of figures (so a
 * report's figures are read from its simplified copy too), not every character.
 */
const PAIRS =
  '區区縣县鎮镇鄉乡廳厅會会屆届議议國国務务報报計计劃划統统發发經经濟济員员長长書书記记黨党設设構构關关辦办處处機机綜综稅税監监審审陸陆軍军衛卫體体環环資资產产業业農农開开華华現现實实總总結结規规點点見见決决顧顾況况於于與与為为對对這这們们個个來来時时後后進进過过還还種种應应從从' +
  '廣广東东蘇苏遼辽寧宁慶庆雲云貴贵陝陕肅肃龍龙內内臺台灣湾門门漢汉鄭郑瀋沈濱滨連连廈厦閩闽贛赣魯鲁粵粤瓊琼隴陇維维爾尔壯壮揚扬蕪芜陽阳億亿萬万潁颍澤泽晉晋錫锡蘭兰烏乌齊齐瀘泸劉刘趙赵陳陈楊杨黃黄吳吴鄧邓許许葉叶韓韩馮冯銀银棗枣薊蓟鶴鹤雞鸡臨临靈灵愛爱寶宝興兴豐丰歸归邊边巖岩陰阴鹽盐曉晓麗丽嶺岭嶽岳' +
  '條条費费價价數数據据辦办強强問问題题項项標标準准選选舉举際际層层風风險险債债務务財财稅税級级屬属鄰邻縣县區区鎮镇莊庄瑪玛婁娄鄖郧礦矿紹绍溫温嘉嘉衢衢麗丽舟舟寧宁蕭萧贛赣饒饶滄沧廊廊鄲郸邢邢張张懷怀滬沪澱淀蓮莲鄱鄱' +
  '島岛無无營营綿绵峽峡薩萨義义煙烟濰潍馬马遷迁頭头荊荆岡冈撫抚樂乐達达賓宾銅铜遠远術术學学場场態态運运醫医質质擴扩訊讯網网並并號号車车鐵铁橋桥線线錦锦蓋盖歷历專专類类單单織织優优權权勞劳療疗養养積积極极穩稳鮮鲜雙双' +
  '購购貿贸貨货證证園园圖图館馆聯联絡络觀观鑑鉴導导擇择檢检驗验測测繼继續续練练紀纪緝缉災灾氣气電电熱热獸兽漁渔蠶蚕絲丝紡纺綢绸藥药糧粮儲储備备稱称責责評评論论譯译語语說说話话講讲讀读寫写詞词調调諮咨詢询' +
  '隊队團团組组幹干領领協协執执範范貪贪汙污濫滥職职銷销賃赁買买賣卖貸贷幣币匯汇錢钱護护僱雇傭佣動动創创師师課课試试藝艺遊游覽览戶户輸输郵邮遞递傳传聞闻視视頻频響响廢废棄弃綠绿濕湿灘滩塗涂節节約约減减鬥斗爭争戰战綱纲獎奖懲惩罰罚' +
  '飼饲築筑檔档寬宽環环壩坝嶼屿鏈链頂顶鄂鄂陝陕' +
  // The words of a report's lead sentence and chapters (2021年，司法部堅持…; 一、總體情況), read for its issuer and type.
  '堅坚習习貫贯徹彻實实現现總总產产億亿萬万為为這这們们時时個个對对後后過过說说與与業业進进認认嚴严積积極极斷断點点規规體体還还從从讓让滿满歷历將将應应兩两確确邁迈優优勢势樣样狀状稱称歸归節节轉转傳传補补資资種种類类線线農农豬猪雞鸡魚鱼響响舊旧戰战勝胜權权訴诉訟讼復复複复請请訪访諮咨詢询結结異异決决許许參参衛卫眾众勞劳額额穩稳寶宝畫画歡欢獲获謀谋論论講讲談谈讀读識识調调評评話话該该語语誤误變变錄录鐵铁鋼钢銀银閱阅間间聞闻隨随陳陈雙双雜杂難难離离靜静順顺預预顧顾顯显飛飞養养餘余驅驱齊齐齡龄製制衝冲儘尽徵征' +
  // Units and the words of figures (萬噸, 億元, 增長, 減少, 漲幅), read for a report's figures.
  '噸吨畝亩輛辆隻只頃顷漲涨縮缩較较歲岁欄栏籠笼別别凈净淨净貢贡獻献脫脱貧贫娛娱訓训徑径佔占彥彦轄辖壽寿' +
  // More of the characters of reports and pages (盤錦, 入駐, 名詞解釋, 攝), one for one.
  '盤盘駐驻釋释攝摄誌志慮虑鑒鉴擁拥頒颁佈布紮扎掃扫樹树臟脏廠厂礙碍譽誉壓压鞏巩韌韧潛潜竊窃顛颠驟骤罷罢擔担擬拟撥拨換换揮挥損损搶抢攜携攤摊撐撑暢畅曆历樓楼樁桩槓杠歐欧殘残殺杀毀毁氫氢洶汹湧涌漸渐濃浓澇涝燈灯燒烧燦灿爐炉爺爷犧牺狹狭獨独獵猎璽玺瓏珑産产畢毕當当瘋疯癒愈盜盗盡尽睜睁矯矫碩硕禍祸禮礼穀谷窮穷競竞筆笔簡简籌筹簽签糾纠紅红紐纽純纯紙纸紛纷細细終终絕绝給给緊紧緒绪緣缘編编緩缓縱纵績绩繩绳繪绘繳缴羅罗聖圣聲声聽听脅胁脈脉脹胀腦脑腫肿臉脸艙舱艱艰萊莱藍蓝蟲虫裝装裡里襲袭親亲覺觉訂订討讨託托診诊詐诈詩诗誠诚誕诞誘诱諾诺謝谢謹谨譜谱讚赞貝贝負负販贩貼贴賊贼賠赔賦赋賬账賴赖賽赛贈赠贊赞贏赢趕赶趨趋跡迹踐践蹤踪軌轨軟软載载輔辅輕轻輪轮輯辑辭辞迴回週周遙遥違违適适遲迟遺遗鈔钞鉅巨鋪铺錯错鍵键鎖锁鏡镜鐘钟鑄铸閉闭閑闲閣阁闊阔闡阐陣阵隱隐雖虽韋韦頁页須须頓顿顆颗願愿飯饭飲饮飽饱騰腾驚惊髮发鬆松鳥鸟鳴鸣鹹咸麥麦龜龟儀仪償偿兒儿凍冻凱凯則则剛刚劑剂劍剑勁劲勸劝卻却厲厉啟启喚唤嗎吗嘗尝噴喷圍围圓圆塊块塵尘墊垫墳坟壞坏壘垒壺壶夠够夢梦奪夺奮奋婦妇媽妈孫孙尋寻峯峰崗岗幫帮幾几庫库廟庙廬庐彈弹彎弯恆恒悅悦惡恶惱恼慣惯憂忧憑凭憶忆戲戏拋抛挾挟捨舍掛挂採采揀拣搖摇擊击擋挡擠挤攔拦敗败敘叙斂敛晝昼暫暂曬晒棟栋榮荣槍枪樞枢橫横殼壳毆殴沒没瀉泻滅灭滯滞滲渗潔洁潤润澀涩煉炼牆墙猶犹獄狱盧卢礎础碼码禦御禪禅窩窝竄窜筍笋篩筛糞粪繫系罈坛膚肤艦舰蒼苍蔣蒋蔭荫薦荐蘆芦蝦虾蠟蜡衆众裏里褲裤觸触誇夸諸诸謂谓貓猫貶贬賀贺賞赏賜赐賢贤贓赃贖赎躍跃輝辉醬酱釀酿針针釣钓鈴铃鉛铅銳锐鋒锋鍋锅鍛锻閃闪闖闯階阶頗颇頸颈飄飘駛驶駕驾騎骑驕骄髒脏鬧闹麼么齒齿倉仓涇泾';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].filter((k) => MAP.get(k) !== k).join('')}]`, 'g');

const COMMON_TRADITIONAL = '國會為發經們這來時個對後過說區縣報與實現業開設關';

const COMMON_CODES = new Set([...COMMON_TRADITIONAL].map((c) => c.charCodeAt(0)));

/**
 * Whether a text is set in traditional characters: one of their commonest in it (simplified text has none), and three
 * of the table's at least. One pass, with the table's fold (simplifiedCode) a code unit.
 */
export function isTraditional(text: string): boolean {
  let common = false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (simplifiedCode(c) === c) continue;
    n++;
    if (COMMON_CODES.has(c)) common = true;
    if (common && n >= 3) return true;
  }
  return false;
}

/** Traditional characters that are never simplified ones too (於, 後 and 徵 are: 於潜镇, 徵 in 宫商角徵羽). */
const TRADITIONAL_ONLY = new RegExp(`[${[...MAP.keys()].filter((k) => MAP.get(k) !== k && !'於後徵'.includes(k)).join('')}]`);

/** Whether a text has a character that is traditional only: its simplified copy differs in more than names. */
export function hasTraditional(text: string): boolean {
  return TRADITIONAL_ONLY.test(text);
}

let codes: Uint16Array | null = null;
/**
 * The simplified character of a code unit of the CJK block (0x4E00–0x9FFF) that the table folds (of 於, 後 and 徵 too), else
 * the code unit itself: for a per-character fold in a hot loop (alignment's bigrams), at no cost of a string.
 */
export function simplifiedCode(c: number): number {
  if (c < 0x4e00 || c > 0x9fff) return c;
  if (!codes) {
    codes = new Uint16Array(0x9fff - 0x4e00 + 1);
    for (const [t, s] of MAP) if (t !== s) codes[t.charCodeAt(0) - 0x4e00] = s.charCodeAt(0);
  }
  return codes[c - 0x4e00] || c;
}

/** The text with the table's traditional characters simplified. */
export function simplified(text: string): string {
  TRADITIONAL.lastIndex = 0;
  return TRADITIONAL.test(text) ? text.replace(TRADITIONAL, (c) => MAP.get(c) ?? c) : text;
}
