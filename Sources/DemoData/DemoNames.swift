import WasteDomain

/// Names of 尖山区 organs and institutions: a hand-written list of real-looking units first
/// (every `kind` among the first 45, the demo's default size), then numbered schools,
/// residents' committees, companies and associations for large benchmark districts.
enum DemoNames {
    struct Unit {
        let name: String
        let kind: InstitutionKind
        let parent: String?
    }

    /// `count` unique units, the same ones in the same order every time.
    static func units(_ count: Int) -> [Unit] {
        var result = Array(handWritten.prefix(count))
        var seen = Set(result.map(\.name))
        var generated = 0
        while result.count < count {
            let unit = generatedUnit(generated)
            generated += 1
            if seen.insert(unit.name).inserted { result.append(unit) }
        }
        return result
    }

    private static let streets = ["二马路街道", "八马路街道", "中心站街道", "富安街道", "窑地街道", "长胜街道"]
    private static let companyWords = ["宏达", "鑫源", "龙腾", "北安", "煤城", "金山", "安邦", "兴业", "福瑞", "惠民"]
    private static let industries = ["物业管理", "公交客运", "粮食储备", "城市燃气", "市政工程", "园林绿化", "物资供销", "劳务派遣"]
    private static let associations = ["个体劳动者", "书法家", "摄影家", "老年体育", "青年企业家", "志愿者", "餐饮行业", "消费者"]
    private static let brigades = ["城市管理综合执法局", "交通运输局", "自然资源局", "文化广电和旅游局"]

    /// The n-th generated unit, rotating through seven numbered templates.
    private static func generatedUnit(_ n: Int) -> Unit {
        let round = n / 7
        switch n % 7 {
        case 0: return Unit(name: "尖山区第\(ChineseNumeral.of(round + 3))中学", kind: .publicInstitution, parent: "尖山区教育局")
        case 1: return Unit(name: "尖山区第\(ChineseNumeral.of(round + 2))小学", kind: .publicInstitution, parent: "尖山区教育局")
        case 2:
            let street = streets[round % streets.count]
            return Unit(name: "\(street)第\(ChineseNumeral.of(round / streets.count + 1))社区居民委员会", kind: .other,
                        parent: "尖山区\(street)办事处")
        case 3: return Unit(name: "尖山区第\(ChineseNumeral.of(round + 1))幼儿园", kind: .publicInstitution, parent: "尖山区教育局")
        case 4:
            let combos = companyWords.count * industries.count
            let base = "双鸭山\(companyWords[round % companyWords.count])\(industries[round / companyWords.count % industries.count])有限公司"
            let name = round < combos ? base : base.replacingOccurrences(of: "有限公司", with: "有限公司第\(ChineseNumeral.of(round / combos + 1))分公司")
            return Unit(name: name, kind: .stateEnterprise, parent: "尖山区国有资产监督管理办公室")
        case 5:
            let association = associations[round % associations.count]
            let name = round < associations.count ? "尖山区\(association)协会" : "尖山区\(association)协会第\(ChineseNumeral.of(round / associations.count))分会"
            return Unit(name: name, kind: .socialOrganization, parent: "尖山区民政局")
        default:
            let bureau = brigades[round % brigades.count]
            return Unit(name: "尖山区\(bureau)第\(ChineseNumeral.of(round / brigades.count + 1))中队", kind: .partyGovernmentOrgan,
                        parent: "尖山区\(bureau)")
        }
    }

    private static func unit(_ name: String, _ kind: InstitutionKind, _ parent: String?) -> Unit {
        Unit(name: name, kind: kind, parent: parent)
    }

    /// Mixed so that the first 45 hold every kind.
    static let handWritten: [Unit] = [
        unit("中共尖山区委办公室", .partyGovernmentOrgan, "中共尖山区委"),
        unit("尖山区人民政府办公室", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区财政局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区教育局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区第一中学", .publicInstitution, "尖山区教育局"),
        unit("尖山区人民医院", .publicInstitution, "尖山区卫生健康局"),
        unit("尖山区妇女联合会", .socialOrganization, "中共尖山区委"),
        unit("尖山区城市建设投资有限公司", .stateEnterprise, "尖山区国有资产监督管理办公室"),
        unit("尖山区人大常委会办公室", .partyGovernmentOrgan, "尖山区人大常委会"),
        unit("政协尖山区委员会办公室", .partyGovernmentOrgan, "政协尖山区委员会"),
        unit("中共尖山区纪委监委机关", .partyGovernmentOrgan, "中共尖山区纪律检查委员会"),
        unit("中共尖山区委组织部", .partyGovernmentOrgan, "中共尖山区委"),
        unit("中共尖山区委宣传部", .partyGovernmentOrgan, "中共尖山区委"),
        unit("尖山区第二中学", .publicInstitution, "尖山区教育局"),
        unit("尖山区实验小学", .publicInstitution, "尖山区教育局"),
        unit("尖山区总工会", .socialOrganization, "中共尖山区委"),
        unit("尖山区老干部活动中心", .other, "中共尖山区委老干部局"),
        unit("尖山区发展和改革局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区卫生健康局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区住房和城乡建设局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区市场监督管理局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区中医医院", .publicInstitution, "尖山区卫生健康局"),
        unit("尖山区供热有限公司", .stateEnterprise, "尖山区国有资产监督管理办公室"),
        unit("共青团尖山区委员会", .socialOrganization, "中共尖山区委"),
        unit("尖山区民政局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区人力资源和社会保障局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区应急管理局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区第一小学", .publicInstitution, "尖山区教育局"),
        unit("尖山区中心幼儿园", .publicInstitution, "尖山区教育局"),
        unit("尖山区疾病预防控制中心", .publicInstitution, "尖山区卫生健康局"),
        unit("尖山区残疾人联合会", .socialOrganization, "尖山区人民政府"),
        unit("尖山区国有资产经营有限公司", .stateEnterprise, "尖山区国有资产监督管理办公室"),
        unit("尖山区司法局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区审计局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区人民法院", .partyGovernmentOrgan, nil),
        unit("尖山区人民检察院", .partyGovernmentOrgan, nil),
        unit("尖山区妇幼保健院", .publicInstitution, "尖山区卫生健康局"),
        unit("尖山区图书馆", .publicInstitution, "尖山区文化广电和旅游局"),
        unit("尖山区机关事务服务中心", .publicInstitution, "尖山区人民政府办公室"),
        unit("尖山区红十字会", .socialOrganization, "尖山区人民政府"),
        unit("尖山区供水有限公司", .stateEnterprise, "尖山区国有资产监督管理办公室"),
        unit("二马路街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("富安街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("尖山区环境卫生服务中心", .publicInstitution, "尖山区住房和城乡建设局"),
        unit("尖山区职工疗养院", .other, "尖山区总工会"),
        unit("中共尖山区委统战部", .partyGovernmentOrgan, "中共尖山区委"),
        unit("尖山区农业农村局", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("双鸭山市生态环境局尖山分局", .partyGovernmentOrgan, "双鸭山市生态环境局"),
        unit("尖山区文化馆", .publicInstitution, "尖山区文化广电和旅游局"),
        unit("尖山区政务服务中心", .publicInstitution, "尖山区人民政府"),
        unit("尖山区工商业联合会", .socialOrganization, "中共尖山区委统战部"),
        unit("尖山区科学技术协会", .socialOrganization, "尖山区人民政府"),
        unit("八马路街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("中心站街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("窑地街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
        unit("长胜街道办事处", .partyGovernmentOrgan, "尖山区人民政府"),
    ]
}

/// Chinese numerals for numbered units: 3 → 三, 12 → 十二, 105 → 一百零五, 2010 → 二千零一十.
enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let units = ["", "十", "百", "千"]

    static func of(_ number: Int) -> String {
        guard number > 0 else { return digits[0] }
        if number >= 10_000 {
            let rest = number % 10_000
            let head = of(number / 10_000) + "万"
            guard rest > 0 else { return head }
            return head + (rest < 1000 ? "零" : "") + of(rest)
        }
        if (10...19).contains(number) { return "十" + (number == 10 ? "" : digits[number - 10]) }
        var text = ""
        var pendingZero = false
        for position in stride(from: 3, through: 0, by: -1) {
            let digit = number / pow10(position) % 10
            if digit == 0 {
                if !text.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            text += digits[digit] + units[position]
        }
        return text
    }

    private static func pow10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
