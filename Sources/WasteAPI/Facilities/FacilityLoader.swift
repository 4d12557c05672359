import JSON
import Storage
import WasteDomain

/// Loads institutions and the facilities they had at the end of a day, for many institutions
/// in four queries (institutions, points, rooms, contracts), never one query per institution.
struct FacilitySnapshot: Sendable {
    struct Institution: Sendable {
        var profile: FacilityInstitution
        var code: String
        var name: String
    }

    var institutions: [Institution] = []
    var points: [Int64: [CollectionPoint]] = [:]
    var rooms: [Int64: [StorageRoom]] = [:]
    var contracts: [Int64: [HaulerContract]] = [:]

    /// Evaluates every loaded institution, in id order.
    func evaluate(standard: FacilityStandard, categoriesInForce: [WasteCategory], asOf: CalendarDate)
        -> [(Institution, ComplianceResult)] {
        institutions.map { institution in
            let id = institution.profile.id
            return (institution, FacilityCompliance.evaluate(
                institution: institution.profile, points: points[id] ?? [], rooms: rooms[id] ?? [],
                contracts: contracts[id] ?? [], standard: standard, categoriesInForce: categoriesInForce, asOf: asOf))
        }
    }
}

enum FacilityLoader {
    /// Which institutions to load.
    enum Selection {
        case one(Int64)
        /// Active institutions with ids after `afterID`, at most `limit` (nil: all).
        case active(afterID: Int64, limit: Int?)
    }

    static func load(_ db: Connection, _ selection: Selection, asOf: CalendarDate, utcOffsetMinutes offset: Int) throws -> FacilitySnapshot {
        var snapshot = FacilitySnapshot()
        snapshot.institutions = try institutions(db, selection)
        guard let first = snapshot.institutions.first?.profile.id, let last = snapshot.institutions.last?.profile.id else {
            return snapshot
        }
        let end = DistrictDay.end(of: asOf, utcOffsetMinutes: offset)
        let live = "institution_id BETWEEN ? AND ? AND created_at < ? AND (deleted_at IS NULL OR deleted_at >= ?) ORDER BY id"
        let arguments: [any SQLValueConvertible] = [first, last, end, end]
        for row in try db.query("SELECT id, institution_id, location, kind, floor, \(binCountColumns), signage_ok, created_at, "
                                + "deleted_at FROM collection_points WHERE \(live)", arguments) {
            snapshot.points[try row.int64("institution_id"), default: []].append(try point(row, offset))
        }
        for row in try db.query("SELECT id, institution_id, location, categories, sealed, ventilated, signage_ok, created_at, "
                                + "deleted_at FROM storage_rooms WHERE \(live)", arguments) {
            snapshot.rooms[try row.int64("institution_id"), default: []].append(try room(row, offset))
        }
        for row in try db.query("SELECT id, institution_id, category, hauler, valid_from, valid_to, created_at, deleted_at "
                                + "FROM hauler_contracts WHERE \(live)", arguments) {
            if let contract = try contract(row, offset) {
                snapshot.contracts[try row.int64("institution_id"), default: []].append(contract)
            }
        }
        return snapshot
    }

    private static func institutions(_ db: Connection, _ selection: Selection) throws -> [FacilitySnapshot.Institution] {
        let columns = "id, code, name, headcount, floors, has_canteen"
        let rows: [Row]
        switch selection {
        case .one(let id):
            rows = try db.query("SELECT \(columns) FROM institutions WHERE id = ?", [id])
        case .active(let afterID, let limit):
            rows = try db.query("SELECT \(columns) FROM institutions WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?",
                                [afterID, limit ?? -1])
        }
        return try rows.map { row in
            FacilitySnapshot.Institution(
                profile: FacilityInstitution(id: try row.int64("id"), headcount: try row.int("headcount"),
                                             floors: try row.int("floors"), hasCanteen: try row.bool("has_canteen")),
                code: try row.string("code"), name: try row.string("name"))
        }
    }

    private static func lifespan(_ row: Row, _ offset: Int) throws -> Lifespan {
        let created = DistrictDay.day(of: try row.string("created_at"), utcOffsetMinutes: offset)
        let deleted = try row.optionalString("deleted_at").flatMap { DistrictDay.day(of: $0, utcOffsetMinutes: offset) }
        return Lifespan(createdOn: created ?? CalendarDate(year: 1970, month: 1, day: 1)!, deletedOn: deleted)
    }

    private static func point(_ row: Row, _ offset: Int) throws -> CollectionPoint {
        CollectionPoint(id: try row.int64("id"), location: try row.string("location"),
                        kind: CollectionPointKind(rawValue: try row.string("kind")) ?? .other, floor: try row.optionalInt("floor"),
                        bins: try binCounts(row), signageOK: try row.bool("signage_ok"),
                        lifespan: try lifespan(row, offset))
    }

    /// Rules need only bin counts: SQLite's JSON functions extract them, which costs far less
    /// than parsing every point's `bins` document in Swift (a third of a district's load time).
    private static let binCountColumns = WasteCategory.allCases
        .map { "json_extract(bins, '$.\($0.rawValue).count') AS \($0.rawValue)_count" }.joined(separator: ", ")

    private static func binCounts(_ row: Row) throws -> [WasteCategory: BinSpec] {
        var bins: [WasteCategory: BinSpec] = [:]
        for category in WasteCategory.allCases {
            if let count = try row.optionalInt("\(category.rawValue)_count") { bins[category] = BinSpec(count: count) }
        }
        return bins
    }

    private static func room(_ row: Row, _ offset: Int) throws -> StorageRoom {
        StorageRoom(id: try row.int64("id"), location: try row.string("location"),
                    categories: Set(FacilityCategories.parse(try row.string("categories"))), sealed: try row.bool("sealed"),
                    ventilated: try row.bool("ventilated"), signageOK: try row.bool("signage_ok"), lifespan: try lifespan(row, offset))
    }

    private static func contract(_ row: Row, _ offset: Int) throws -> HaulerContract? {
        guard let category = WasteCategory(rawValue: try row.string("category")),
              let from = CalendarDate(parsing: try row.string("valid_from")),
              let to = CalendarDate(parsing: try row.string("valid_to")) else { return nil }
        return HaulerContract(id: try row.int64("id"), category: category, hauler: try row.string("hauler"),
                              validFrom: from, validTo: to, lifespan: try lifespan(row, offset))
    }
}
