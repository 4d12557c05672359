import WasteDomain

/// Chinese labels of the enum values spreadsheets carry: what `?headers=zh` exports write, and
/// what imports accept besides the codes (with the other spellings clerks type).
enum ChineseLabels {
    /// code → label, and every accepted spelling → code, for one enum.
    struct Table: Sendable {
        let labels: [String: String]
        let spellings: [String: String]

        init(_ labels: [(code: String, label: String)], aliases: [String: String] = [:]) {
            self.labels = Dictionary(labels.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
            var spellings = aliases
            for (code, label) in labels { spellings[label] = code }
            self.spellings = spellings
        }

        /// The label of `code`; the code itself when it has none.
        func label(_ code: String) -> String { labels[code] ?? code }

        /// The code a label or alias stands for; the text unchanged otherwise (validation then names it).
        func code(_ text: String) -> String { spellings[text] ?? text }
    }

    static let institutionKind = Table(InstitutionKind.allCases.map { ($0.rawValue, $0.chineseName) },
                                       aliases: ["机关": "party_government_organ", "国企": "state_enterprise", "社会团体": "social_organization"])

    static let institutionStatus = Table([("active", "在用"), ("archived", "已归档")],
                                         aliases: ["正常": "active", "启用": "active", "归档": "archived", "停用": "archived"])

    static let category = Table(WasteCategory.allCases.map { ($0.rawValue, $0.chineseName) })

    static let subcategory = Table([
        ("paper", "纸类"), ("plastic", "塑料"), ("metal", "金属"), ("glass", "玻璃"), ("textile", "纺织物"),
        ("electronics", "电子产品"), ("lamp", "灯管"), ("battery", "电池"), ("household_chemical", "日用化学品"),
        ("medicine", "药品"), ("household_food", "家庭厨余"), ("restaurant_food", "餐厨"), ("other_food", "其他厨余"),
    ], aliases: ["废纸": "paper", "塑料瓶": "plastic", "废电池": "battery", "过期药品": "medicine", "灯管灯泡": "lamp",
                 "衣物": "textile", "废旧衣物": "textile", "电子废弃物": "electronics"])

    static let stage = Table([("collected", "收集"), ("transported", "运输"), ("treated", "处理")],
                             aliases: ["清运": "transported", "收运": "transported", "转运": "transported", "处置": "treated"])

    static let disposal = Table([
        ("recycled", "回收利用"), ("composted", "堆肥"), ("incinerated", "焚烧"), ("landfilled", "填埋"),
        ("hazardous_treatment", "危废处置"), ("other", "其他"),
    ], aliases: ["回收": "recycled", "资源化利用": "recycled", "焚烧发电": "incinerated", "卫生填埋": "landfilled",
                 "无害化处置": "hazardous_treatment", "无害化处理": "hazardous_treatment", "其它": "other"])

    static let grade = Table(Grade.allCases.map { ($0.rawValue, $0.chineseName) })

    static let findingStatus = Table([("pending", "待发布"), ("open", "待整改"), ("rectified", "已整改"), ("verified", "已复核"),
                                      ("withdrawn", "已撤销")])

    static let findingSeverity = Table(FindingSeverity.allCases.map { ($0.rawValue, $0.chineseName) })

    static let reportStatus = Table([("open", "未提交"), ("submitted", "已提交"), ("accepted", "已通过"), ("returned", "已退回")])

    /// How a boolean reads in a Chinese sheet.
    static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }
}
