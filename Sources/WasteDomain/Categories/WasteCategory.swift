import Foundation

/// The four categories of GB/T 19095-2019, with the labels, colours and sub-categories
/// the standard gives them and the names clerks actually type (docs/API.md, Conventions).
public enum WasteCategory: String, Sendable, CaseIterable, Comparable {
    case recyclable
    case hazardous
    case food
    case residual

    public var chineseName: String {
        switch self {
        case .recyclable: "可回收物"
        case .hazardous: "有害垃圾"
        case .food: "厨余垃圾"
        case .residual: "其他垃圾"
        }
    }

    public var englishName: String {
        switch self {
        case .recyclable: "Recyclable"
        case .hazardous: "Hazardous Waste"
        case .food: "Food Waste"
        case .residual: "Residual Waste"
        }
    }

    /// The bin colour of the standard, as a name and as the hex the dashboard draws with.
    public var colour: (name: String, hex: String) {
        switch self {
        case .recyclable: ("blue", "#1f5fbf")
        case .hazardous: ("red", "#d62f2f")
        case .food: ("green", "#2e9b46")
        case .residual: ("grey", "#6b6b6b")
        }
    }

    public var subcategories: [String] {
        switch self {
        case .recyclable: ["paper", "plastic", "metal", "glass", "textile", "electronics"]
        case .hazardous: ["lamp", "battery", "household_chemical", "medicine"]
        case .food: ["household_food", "restaurant_food", "other_food"]
        case .residual: []
        }
    }

    /// Other names clerks use, mapped by `CategoryNames`.
    public var aliases: [String] {
        switch self {
        case .recyclable: ["可回收垃圾"]
        case .hazardous: ["有毒有害垃圾"]
        case .food: ["湿垃圾", "易腐垃圾", "餐厨垃圾", "厨余", "可堆肥垃圾"]
        case .residual: ["干垃圾", "其它垃圾", "不可回收垃圾", "可燃垃圾"]
        }
    }

    public static func < (lhs: WasteCategory, rhs: WasteCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Resolves what a clerk typed (code, Chinese name or alias) to a category.
public enum CategoryNames {
    private static let table: [String: WasteCategory] = {
        var table: [String: WasteCategory] = [:]
        for category in WasteCategory.allCases {
            table[category.rawValue] = category
            table[category.chineseName] = category
            table[category.englishName.lowercased()] = category
            for alias in category.aliases { table[alias] = category }
        }
        return table
    }()

    /// The category for a code, Chinese name, English name or alias; surrounding spaces ignored.
    public static func resolve(_ text: String) -> WasteCategory? {
        // Almost every input is already a key: skip Foundation's trimming and lowercasing.
        if let category = table[text] { return category }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return table[trimmed] ?? table[trimmed.lowercased()]
    }

    /// Every accepted spelling, for error messages and the categories endpoint.
    public static var allSpellings: [String] { table.keys.sorted() }
}
