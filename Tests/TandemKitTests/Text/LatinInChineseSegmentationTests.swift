import Testing
import TandemKit

/// Latin text inside Chinese news copy: abbreviations, initials, tickers, dotted names, name
/// dots and ellipses, where ICU sees a full stop that ends nothing. Both scripts.
@Suite("Sentence segmentation, Latin text inside Chinese")
struct LatinInChineseSegmentationTests {
    static let simplified: [SegmentationCase] = [
        .init(name: "Inc. before Chinese", input: "他在 Acme Inc. 工作了八年。后来他辞职了。", expected: ["他在 Acme Inc. 工作了八年。", "后来他辞职了。"]),
        .init(name: "Inc. before a full-width comma", input: "公司全称是 Acme Robotics Inc.，总部在深圳。它有三百名员工。",
              expected: ["公司全称是 Acme Robotics Inc.，总部在深圳。", "它有三百名员工。"]),
        .init(name: "Co., Ltd.", input: "这家 Lucky Star Trading Co., Ltd. 是一家贸易公司。它成立于香港。",
              expected: ["这家 Lucky Star Trading Co., Ltd. 是一家贸易公司。", "它成立于香港。"]),
        .init(name: "Corp.", input: "Sony Group Corp. 今天宣布了新计划。消息来得很突然。", expected: ["Sony Group Corp. 今天宣布了新计划。", "消息来得很突然。"]),
        .init(name: "Corp. inside a parenthesis", input: "丰田（Toyota Motor Corp.）宣布建厂。工厂在美国。", expected: ["丰田（Toyota Motor Corp.）宣布建厂。", "工厂在美国。"]),
        .init(name: "Prof.", input: "Prof. Zhang 在会上发言。大家都在听。", expected: ["Prof. Zhang 在会上发言。", "大家都在听。"]),
        .init(name: "Dr.", input: "会上，Dr. Wang 介绍了新疗法。会议随后结束。", expected: ["会上，Dr. Wang 介绍了新疗法。", "会议随后结束。"]),
        .init(name: "Mr.", input: "Mr. Lee 周一抵达上海。他将停留三天。", expected: ["Mr. Lee 周一抵达上海。", "他将停留三天。"]),
        .init(name: "St.", input: "店铺开在 St. James Street 附近。生意很好。", expected: ["店铺开在 St. James Street 附近。", "生意很好。"]),
        .init(name: "U.S.", input: "U.S. Steel 的股价下跌。投资者很担心。", expected: ["U.S. Steel 的股价下跌。", "投资者很担心。"]),
        .init(name: "No. before a number", input: "编号为 No. 5 的通知已经发布。请查阅。", expected: ["编号为 No. 5 的通知已经发布。", "请查阅。"]),
        .init(name: "vs.", input: "今晚的比赛是湖人 vs. 勇士。门票已售罄。", expected: ["今晚的比赛是湖人 vs. 勇士。", "门票已售罄。"]),
        .init(name: "spaced initials", input: "J. P. Morgan 发布了报告。报告很悲观。", expected: ["J. P. Morgan 发布了报告。", "报告很悲观。"]),
        .init(name: "joined initials", input: "J.P. Morgan 上调了目标价。股价随即上涨。", expected: ["J.P. Morgan 上调了目标价。", "股价随即上涨。"]),
        .init(name: "initials before a Chinese name", input: "J.K. 罗琳出版了新书。读者很期待。", expected: ["J.K. 罗琳出版了新书。", "读者很期待。"]),
        .init(name: "acronym with dots", input: "他毕业于 M.I.T. 后来回国创业。公司很成功。", expected: ["他毕业于 M.I.T. 后来回国创业。", "公司很成功。"]),
        .init(name: "ticker in ASCII parentheses", input: "美团(03690.HK)今日大涨。成交额放大。", expected: ["美团(03690.HK)今日大涨。", "成交额放大。"]),
        .init(name: "ticker in full-width parentheses", input: "腾讯（00700.HK）回购股份。股价上涨。", expected: ["腾讯（00700.HK）回购股份。", "股价上涨。"]),
        .init(name: "Shanghai ticker", input: "贵州茅台 600519.SH 收涨 1%。白酒板块走强。", expected: ["贵州茅台 600519.SH 收涨 1%。", "白酒板块走强。"]),
        .init(name: "US ticker", input: "苹果 AAPL.O 盘后上涨。市场反应积极。", expected: ["苹果 AAPL.O 盘后上涨。", "市场反应积极。"]),
        .init(name: ".NET", input: "项目使用 .NET 开发。代码已经开源。", expected: ["项目使用 .NET 开发。", "代码已经开源。"]),
        .init(name: "Node.js", input: "前端使用 Node.js 构建。部署很简单。", expected: ["前端使用 Node.js 构建。", "部署很简单。"]),
        .init(name: "product name ID.", input: "大众 ID. ERA 5S 正式上市。售价公布了。", expected: ["大众 ID. ERA 5S 正式上市。", "售价公布了。"]),
        .init(name: "full-width name dot", input: "阿卜杜拉．本．扎耶德出席了会议。会议持续了两天。", expected: ["阿卜杜拉．本．扎耶德出席了会议。", "会议持续了两天。"]),
        .init(name: "middle dot", input: "蒂姆·库克访问了北京。他会见了合作伙伴。", expected: ["蒂姆·库克访问了北京。", "他会见了合作伙伴。"]),
        .init(name: "katakana middle dot", input: "约翰・史密斯当选了。他发表了演讲。", expected: ["约翰・史密斯当选了。", "他发表了演讲。"]),
        .init(name: "ASCII ellipsis inside a sentence", input: "天气闷热...大家都躲在家里。傍晚才凉快下来。", expected: ["天气闷热...大家都躲在家里。", "傍晚才凉快下来。"]),
        .init(name: "ellipsis character inside a sentence", input: "他犹豫了…最后还是签了字。第二天就后悔了。", expected: ["他犹豫了…最后还是签了字。", "第二天就后悔了。"]),
        .init(name: "ellipsis before a full stop ends the sentence", input: "等等……。我们再想想。", expected: ["等等……。", "我们再想想。"]),
        .init(name: "ellipsis ending the paragraph", input: "股价跌了三成。事情还没有结束……", expected: ["股价跌了三成。", "事情还没有结束……"]),
        .init(name: "ellipsis before a Latin sentence", input: "记录上写着 wait... Then the vote began.", expected: ["记录上写着 wait...", "Then the vote began."]),
        .init(name: "decimal and percentage", input: "利率下调至 3.45%。这是年内第二次。", expected: ["利率下调至 3.45%。", "这是年内第二次。"]),
        .init(name: "URL", input: "详情见 https://www.example.com/news/a.html 页面。欢迎访问。", expected: ["详情见 https://www.example.com/news/a.html 页面。", "欢迎访问。"]),
        .init(name: "dotted date", input: "会议定于 2024.12.05 举行。请准时参加。", expected: ["会议定于 2024.12.05 举行。", "请准时参加。"]),
        .init(name: "Latin sentence ending in a full stop still ends", input: "标语写着 We are open. 大家都进来了。", expected: ["标语写着 We are open.", "大家都进来了。"]),
        .init(name: "Yahoo! before a capital", input: "Yahoo! Japan 停止了这项服务。用户需要迁移。", expected: ["Yahoo! Japan 停止了这项服务。", "用户需要迁移。"]),
        .init(name: "Latin exclamation still ends", input: "他喊道 Stop! Then everyone left. 会议结束了。", expected: ["他喊道 Stop!", "Then everyone left.", "会议结束了。"]),
    ]

    static let traditional: [SegmentationCase] = [
        .init(name: "Ltd. before Chinese", input: "公司名稱為 Golden Harbour Holdings Ltd. 總部設在香港。它成立於 1990 年。",
              expected: ["公司名稱為 Golden Harbour Holdings Ltd. 總部設在香港。", "它成立於 1990 年。"]),
        .init(name: "Inc. in parentheses", input: "蘋果公司（Apple Inc.）發表新機。售價公布了。", expected: ["蘋果公司（Apple Inc.）發表新機。", "售價公布了。"]),
        .init(name: "Mr. inside 「」", input: "動漫角色「Mr. Robot」大受歡迎。商品很快賣光。", expected: ["動漫角色「Mr. Robot」大受歡迎。", "商品很快賣光。"]),
        .init(name: "Dr.", input: "Dr. Lee 主持了這項調查。結果令人擔憂。", expected: ["Dr. Lee 主持了這項調查。", "結果令人擔憂。"]),
        .init(name: "spaced initials", input: "J. P. Morgan 上調台股目標。外資持續買超。", expected: ["J. P. Morgan 上調台股目標。", "外資持續買超。"]),
        .init(name: "initials before a Chinese name", input: "J.K. 羅琳的新書上市。書迷排隊搶購。", expected: ["J.K. 羅琳的新書上市。", "書迷排隊搶購。"]),
        .init(name: "Taiwan ticker", input: "鴻海（2317.TW）公布營收。股價上漲。", expected: ["鴻海（2317.TW）公布營收。", "股價上漲。"]),
        .init(name: "Hong Kong ticker in ASCII parentheses", input: "騰訊(00700.HK)收報 412.2 港元。成交活躍。", expected: ["騰訊(00700.HK)收報 412.2 港元。", "成交活躍。"]),
        .init(name: "ADR ticker", input: "台積電 ADR TSM.N 大漲。費城半導體指數走高。", expected: ["台積電 ADR TSM.N 大漲。", "費城半導體指數走高。"]),
        .init(name: ".NET and Node.js", input: "團隊使用 .NET 與 Node.js 開發。系統很穩定。", expected: ["團隊使用 .NET 與 Node.js 開發。", "系統很穩定。"]),
        .init(name: "vs.", input: "香港 vs. 新加坡的比賽在啟德舉行。球迷很多。", expected: ["香港 vs. 新加坡的比賽在啟德舉行。", "球迷很多。"]),
        .init(name: "No.", input: "文件編號是 No. 118。銀行須遵守。", expected: ["文件編號是 No. 118。", "銀行須遵守。"]),
        .init(name: "full-width name dot", input: "穆罕默德．本．薩勒曼抵達利雅德。他隨即會見外賓。", expected: ["穆罕默德．本．薩勒曼抵達利雅德。", "他隨即會見外賓。"]),
        .init(name: "ASCII ellipsis inside a sentence", input: "房價一直跌...業主都很擔心。銀行也很緊張。", expected: ["房價一直跌...業主都很擔心。", "銀行也很緊張。"]),
        .init(name: "ellipsis character inside a sentence", input: "她想了很久…終於點頭。大家都鬆了一口氣。", expected: ["她想了很久…終於點頭。", "大家都鬆了一口氣。"]),
        .init(name: "decimal, percentage and currency", input: "營收達新台幣 7596.9 億元，年增 36.5%。創下新高。", expected: ["營收達新台幣 7596.9 億元，年增 36.5%。", "創下新高。"]),
        .init(name: "URL", input: "民眾可上網至 www.metro.taipei 查詢。捷運將延長營運。", expected: ["民眾可上網至 www.metro.taipei 查詢。", "捷運將延長營運。"]),
        .init(name: "Yahoo! before a capital", input: "Yahoo! Taiwan 宣布關閉拍賣網站。賣家陸續搬家。", expected: ["Yahoo! Taiwan 宣布關閉拍賣網站。", "賣家陸續搬家。"]),
    ]

    @Test(arguments: simplified)
    func simplifiedChinese(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-CN") == row.expected) }

    @Test(arguments: traditional)
    func traditionalChinese(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-TW") == row.expected) }
}
