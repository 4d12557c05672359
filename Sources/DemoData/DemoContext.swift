import Storage
import WasteDomain

/// One generated institution and the traits that drive everything generated for it.
struct DemoUnit {
    let id: Int64
    let code: String
    let name: String
    let kind: InstitutionKind
    let headcount: Int
    let floors: Int
    let hasCanteen: Bool
    /// 0 (careless) … 1 (exemplary): scores, punctuality, facilities and publicity follow it,
    /// so the ranking spreads over every grade.
    let quality: Double
    /// About a fifth of the district has never been inspected and shows up as unranked.
    let inspected: Bool
    var clerkID: Int64?

    var badness: Double { 1 - quality }
}

/// What every generator step shares: the writer connection inside the fill's one transaction,
/// the seeded generator, the calendar, and the ids of the demo users.
final class DemoContext {
    let db: Connection
    var rng: DemoRandom
    let calendar: DemoCalendar
    let categories: [WasteCategory]
    var inspectorID: Int64 = 0

    init(db: Connection, seed: UInt64, calendar: DemoCalendar, categories: [WasteCategory]) {
        self.db = db
        self.rng = DemoRandom(seed: seed)
        self.calendar = calendar
        self.categories = categories
    }

    /// A statement prepared once per step and reused for every row (outside the shared cache,
    /// which the step would otherwise churn).
    func statement(_ sql: String) throws -> Statement {
        try db.prepare(sql)
    }

    func isInForce(_ category: WasteCategory) -> Bool { categories.contains(category) }

    private static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何",
                                   "林", "高", "罗", "于", "董", "曲", "姜"]
    private static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
                                     "秀英", "建国", "海燕", "志刚", "桂兰", "玉梅", "红霞", "立新", "晓东", "春华", "德胜"]

    /// A plausible person's name for contacts and task owners.
    func personName() -> String {
        rng.pick(Self.surnames) + rng.pick(Self.givenNames)
    }
}
